; Windows installer of 督导工作台 (Supervision Desk). Built by ``python build/build.py --installer``,
; which passes the defines below:
;   makensis -DVERSION=0.1.0 -DVERSION_QUAD=0.1.0.0 -DBUNDLE_DIR=...\dist\SupervisionDesk
;            -DOUT_FILE=...\SupervisionDesk-0.1.0-setup.exe -DICON_FILE=...\app.ico installer.nsi
; and optionally -DTARGET=amd64-unicode|x86-unicode (default: amd64-unicode when this NSIS has its
; stubs, as Debian's does; the official Windows NSIS has only x86 ones, whose installer installs
; the 64-bit app just as well) and -DSIGN_UNINSTALLER="<command with %1>" to sign uninstall.exe.
;
; A per-user install: no administrator rights, programs in %LOCALAPPDATA%\Programs\SupervisionDesk,
; shortcuts and the uninstall entry for the current user only. The user's data lives in
; %LOCALAPPDATA%\SupervisionDesk; neither installing, upgrading nor uninstalling touches it.
; Neither runs while the app (or its CLI) runs from the install folder. A silent install (/S) is
; in Chinese unless an earlier install remembered another language.

!ifndef TARGET
  !if /FileExists "${NSISDIR}\Stubs\lzma_solid-amd64-unicode"
    !define TARGET "amd64-unicode"
  !else
    !define TARGET "x86-unicode"
  !endif
!endif
Target ${TARGET}
Unicode true
ManifestDPIAware true
SetCompressor /SOLID lzma
RequestExecutionLevel user

!ifndef VERSION
  !error "pass -DVERSION=x.y.z"
!endif
!ifndef VERSION_QUAD
  !define VERSION_QUAD "${VERSION}.0"
!endif
!ifndef BUNDLE_DIR
  !error "pass -DBUNDLE_DIR=<the PyInstaller bundle folder>"
!endif
!ifndef OUT_FILE
  !define OUT_FILE "SupervisionDesk-${VERSION}-setup.exe"
!endif
!ifndef ICON_FILE
  !define ICON_FILE "..\resources\icons\app.ico"
!endif

!define APP_ID "SupervisionDesk"
!define APP_EXE "SupervisionDesk.exe"
!define CLI_EXE "supervision-desk-cli.exe"
!define UNINSTALLER "uninstall.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"
!define SETTINGS_KEY "Software\${APP_ID}\Installer"

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"

!ifdef SIGN_UNINSTALLER
  !uninstfinalize '${SIGN_UNINSTALLER}' = 0
!endif

Name "督导工作台 Supervision Desk ${VERSION}"
OutFile "${OUT_FILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP_ID}"
InstallDirRegKey HKCU "${SETTINGS_KEY}" "InstallDir"
BrandingText "督导工作台 ${VERSION}"

VIProductVersion "${VERSION_QUAD}"
VIFileVersion "${VERSION_QUAD}"
VIAddVersionKey /LANG=0 "ProductName" "督导工作台 Supervision Desk"
VIAddVersionKey /LANG=0 "FileDescription" "督导工作台 Supervision Desk Setup"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" "督导工作台"

!define MUI_ICON "${ICON_FILE}"
!define MUI_UNICON "${ICON_FILE}"
!define MUI_ABORTWARNING
!define MUI_LANGDLL_REGISTRY_ROOT HKCU
!define MUI_LANGDLL_REGISTRY_KEY "${SETTINGS_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "Language"
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the default.
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_RESERVEFILE_LANGDLL

LangString SHORTCUT_NAME ${LANG_SIMPCHINESE} "督导工作台"
LangString SHORTCUT_NAME ${LANG_ENGLISH} "Supervision Desk"
LangString DATA_FOLDER_REFUSED ${LANG_SIMPCHINESE} \
  "不能安装到数据文件夹 $LOCALAPPDATA\${APP_ID}。请选择其他文件夹。"
LangString DATA_FOLDER_REFUSED ${LANG_ENGLISH} \
  "The data folder $LOCALAPPDATA\${APP_ID} cannot hold the program. Choose another folder."
LangString DATA_KEPT ${LANG_SIMPCHINESE} "您的数据保留在 $LOCALAPPDATA\${APP_ID}。"
LangString DATA_KEPT ${LANG_ENGLISH} "Your data stays in $LOCALAPPDATA\${APP_ID}."
LangString APP_RUNNING ${LANG_SIMPCHINESE} \
  "督导工作台正在运行（$1）。请先关闭它，然后点击“重试”。"
LangString APP_RUNNING ${LANG_ENGLISH} \
  "Supervision Desk is running ($1). Close it, then choose Retry."

; Sets VAR to FILE when FILE is a running program: Windows keeps a running executable's image
; mapped, so it cannot be opened for writing. Works with stock NSIS, no process-list plug-in.
!macro _SET_IF_RUNNING FILE VAR
  ${If} ${FileExists} "${FILE}"
    ClearErrors
    FileOpen $0 "${FILE}" a
    ${If} ${Errors}
      StrCpy ${VAR} "${FILE}"
    ${Else}
      FileClose $0
    ${EndIf}
  ${EndIf}
!macroend

; Refuses to go on while the app or the CLI runs from $INSTDIR: Retry or quit with exit code 2
; (a silent run quits at once).
!macro CHECK_NOT_RUNNING_FUNCTION PREFIX
Function ${PREFIX}CheckNotRunning
  retry:
    StrCpy $1 ""
    !insertmacro _SET_IF_RUNNING "$INSTDIR\${APP_EXE}" $1
    !insertmacro _SET_IF_RUNNING "$INSTDIR\${CLI_EXE}" $1
    StrCmp $1 "" 0 +2
      Return
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(APP_RUNNING)" /SD IDCANCEL IDRETRY retry
    SetErrorLevel 2
    Quit
FunctionEnd
!macroend
!insertmacro CHECK_NOT_RUNNING_FUNCTION ""
!insertmacro CHECK_NOT_RUNNING_FUNCTION "un."

Function .onInit
  SetShellVarContext current
  ; Chinese unless the registry remembers another choice; a silent install shows no dialog, so
  ; without this it would follow the Windows display language.
  StrCpy $LANGUAGE ${LANG_SIMPCHINESE}
  !insertmacro MUI_LANGDLL_DISPLAY
  Call CheckNotRunning
FunctionEnd

Function .onVerifyInstDir
  ; Programs and data must never share a folder: uninstalling would otherwise reach the data.
  StrCmp "$INSTDIR" "$LOCALAPPDATA\${APP_ID}" 0 +2
    Abort
FunctionEnd

Section "Install"
  SetShellVarContext current
  StrCmp "$INSTDIR" "$LOCALAPPDATA\${APP_ID}" 0 +3
    MessageBox MB_ICONSTOP "$(DATA_FOLDER_REFUSED)"
    Abort
  ; The folder may have been changed on the directory page since .onInit checked.
  Call CheckNotRunning
  SetOutPath "$INSTDIR"
  ; An upgrade replaces the previous version's files rather than mixing with them.
  RMDir /r "$INSTDIR\_internal"
  File /r "${BUNDLE_DIR}\*"
  WriteUninstaller "$INSTDIR\${UNINSTALLER}"

  CreateShortcut "$SMPROGRAMS\$(SHORTCUT_NAME).lnk" "$INSTDIR\${APP_EXE}"
  CreateShortcut "$DESKTOP\$(SHORTCUT_NAME).lnk" "$INSTDIR\${APP_EXE}"

  WriteRegStr HKCU "${SETTINGS_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "督导工作台 Supervision Desk"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "督导工作台"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE},0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\${UNINSTALLER}"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\${UNINSTALLER}" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" "$0"
  ; Remembered for upgrades; MUI2 saves it when the install page is left, which /S never shows.
  WriteRegStr HKCU "${SETTINGS_KEY}" "Language" "$LANGUAGE"
SectionEnd

Function un.onInit
  SetShellVarContext current
  !insertmacro MUI_UNGETLANGUAGE
  Call un.CheckNotRunning
FunctionEnd

; Removes only what the installer put there, so the data folder is safe whatever $INSTDIR is.
Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\督导工作台.lnk"
  Delete "$SMPROGRAMS\Supervision Desk.lnk"
  Delete "$DESKTOP\督导工作台.lnk"
  Delete "$DESKTOP\Supervision Desk.lnk"

  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${UNINSTALLER}"
  RMDir "$INSTDIR"

  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "${SETTINGS_KEY}"
  DetailPrint "$(DATA_KEPT)"
SectionEnd
