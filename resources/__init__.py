"""Files that ship with the app: fonts, icons, translations, the style sheet.

Located beside this module in a source checkout, an installed package and a frozen bundle alike.
"""

from pathlib import Path

RESOURCES_DIR = Path(__file__).resolve().parent
FONTS_DIR = RESOURCES_DIR / "fonts"
ICONS_DIR = RESOURCES_DIR / "icons"
TRANSLATIONS_DIR = RESOURCES_DIR / "translations"

CJK_FONT_FILE = FONTS_DIR / "wqy-microhei.ttc"
APP_ICON_PNG = ICONS_DIR / "app.png"
APP_ICON_ICO = ICONS_DIR / "app.ico"
TRANSLATION_BASENAME = "supervision_desk"
STYLE_SHEET = RESOURCES_DIR / "style.qss"
