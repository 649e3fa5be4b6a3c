<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../gui/pages/dashboard.py" line="74"/>
        <source>Dashboard</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard.py" line="82"/>
        <source>The database is empty. Load the demo office to try the app, or enter your office&apos;s name under Settings.</source>
        <translation>数据库中还没有数据。可以装入演示数据试用本程序，或先在“设置”中填写本单位名称。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard.py" line="87"/>
        <source>Load demo data</source>
        <translation>装入演示数据</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard.py" line="95"/>
        <source>Schools and kindergartens</source>
        <translation>学校（园）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard.py" line="96"/>
        <source>Inspectors in office</source>
        <translation>在任督学 / 需配备</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard.py" line="97"/>
        <source>Full-time inspectors</source>
        <translation>专职督学占比</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard.py" line="98"/>
        <source>Schools without an inspector</source>
        <translation>未挂牌督学的学校</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard.py" line="99"/>
        <source>Zones</source>
        <translation>责任区</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard.py" line="129"/>
        <source>{office} · {day}</source>
        <translation>{office} · {day}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard.py" line="138"/>
        <source>{kindergartens} kindergartens, {private} private</source>
        <translation>其中幼儿园 {kindergartens} 所，民办 {private} 所</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard.py" line="143"/>
        <source>{actual} / {required}</source>
        <translation>{actual} / {required}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard.py" line="146"/>
        <source>{shortfall} more needed by the staffing ratio</source>
        <translation>按配备比例还缺 {shortfall} 名</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard.py" line="150"/>
        <source>Staffing meets the ratio</source>
        <translation>配备达到比例要求</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard.py" line="156"/>
        <source>{count} full-time; at least {minimum:.0%} required</source>
        <translation>专职 {count} 名；要求不低于 {minimum:.0%}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard.py" line="163"/>
        <source>Assign a responsible inspector</source>
        <translation>请为其确定责任督学</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard.py" line="165"/>
        <source>Every school is covered</source>
        <translation>每所学校都有责任督学</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard.py" line="168"/>
        <source>Supervision zones</source>
        <translation>督导责任区</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard.py" line="174"/>
        <source>Load the demo office (about 40 schools and 10 inspectors) into the empty database?</source>
        <translation>要把演示数据（约 40 所学校、10 名督学）装入空数据库吗？</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard.py" line="176"/>
        <location filename="../../gui/pages/dashboard.py" line="191"/>
        <source>Demo data</source>
        <translation>演示数据</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py" line="43"/>
        <source>Supervision Desk</source>
        <translation>督导工作台</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="74"/>
        <source>Database: {path}</source>
        <translation>数据库：{path}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="83"/>
        <source>Schools</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="85"/>
        <source>Schools and kindergartens by zone: kind, enrolment, principal, responsible inspector.</source>
        <translation>按责任区管理学校和幼儿园：类别、在校生数、校长、责任督学。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="91"/>
        <source>Inspectors</source>
        <translation>督学</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="92"/>
        <source>The inspector roster: terms, assessments, assigned schools, recusals.</source>
        <translation>督学名册：任期、考核、挂牌学校、回避。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="96"/>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="97"/>
        <source>Training records and yearly hours against the requirement.</source>
        <translation>培训记录，以及每年学时与要求的对照。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="101"/>
        <source>Visit calendar</source>
        <translation>督导日历</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="102"/>
        <source>The monthly visit plan on working days, generated and adjusted.</source>
        <translation>按工作日生成和调整每月的督导计划。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="106"/>
        <source>Visit records</source>
        <translation>督导记录</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="107"/>
        <source>Visit records: items inspected, findings, advice, attachments.</source>
        <translation>督导记录表：督导事项、发现的问题、意见建议、附件。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="111"/>
        <source>Rectification</source>
        <translation>整改</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="112"/>
        <source>Problems found on visits, deadlines, follow-ups and escalation.</source>
        <translation>督导发现的问题、整改期限、复查和上报。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="116"/>
        <source>Evaluation archives</source>
        <translation>迎检档案</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="117"/>
        <source>Archive checklists for evaluations and their progress per school.</source>
        <translation>迎检档案清单及各校的整理进度。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="121"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="122"/>
        <source>Printable PDF reports: schedule, roster, signs, notices, statistics.</source>
        <translation>可打印的 PDF 报表：督导安排、督学名册、挂牌公示牌、整改通知书、统计表。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="126"/>
        <source>Dashboard</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="129"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="141"/>
        <source>&amp;Back up database…</source>
        <translation>备份数据库(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="143"/>
        <source>&amp;Restore from backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="145"/>
        <source>Open &amp;data folder</source>
        <translation>打开数据文件夹(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="149"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="152"/>
        <source>&amp;About Supervision Desk</source>
        <translation>关于督导工作台(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="156"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="160"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="173"/>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="186"/>
        <source>The daily backup failed: {error}</source>
        <translation>今日自动备份失败：{error}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="199"/>
        <source>Back up database</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="199"/>
        <location filename="../../gui/main_window.py" line="219"/>
        <source>Database files (*.db)</source>
        <translation>数据库文件 (*.db)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="207"/>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="208"/>
        <source>The database was copied to:
{path}</source>
        <translation>数据库已备份到：
{path}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="219"/>
        <location filename="../../gui/main_window.py" line="227"/>
        <location filename="../../gui/main_window.py" line="233"/>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="224"/>
        <source>Replace all current data with the backup
{path}?

A safety copy of the current data is saved first.</source>
        <translation>要用备份
{path}
替换当前的全部数据吗？

恢复前会先自动保存一份当前数据。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="234"/>
        <source>The data was restored. The previous data was saved to:
{path}</source>
        <translation>数据已恢复。恢复前的数据保存在：
{path}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="259"/>
        <source>Roster, visit calendar, rectification and reports for an education supervision office.</source>
        <translation>教育督导办公室的督学名册、督导日历、整改跟踪和报表。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="267"/>
        <source>About Supervision Desk</source>
        <translation>关于督导工作台</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <location filename="../../gui/pages/placeholder.py" line="16"/>
        <source>This page is not available yet in this version.</source>
        <translation>本版本中此页面尚未提供。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../gui/pages/settings.py" line="67"/>
        <source>e.g. Education Supervision Office of … County</source>
        <translation>例如：××县人民政府教育督导室</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="69"/>
        <source>Office</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="71"/>
        <source>Office name (printed on reports)</source>
        <translation>单位名称（印在报表上）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="81"/>
        <location filename="../../gui/pages/settings.py" line="270"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="83"/>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="85"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="87"/>
        <source>Database: {path}</source>
        <translation>数据库：{path}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="100"/>
        <source>A server database is backed up with the server&apos;s own tools.</source>
        <translation>服务器数据库请使用服务器自带的工具备份。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="108"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="111"/>
        <source>Undo changes</source>
        <translation>撤销修改</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="113"/>
        <source>Restore default rules</source>
        <translation>恢复默认规则</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="124"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="219"/>
        <source>Default rules filled in; press Save to keep them.</source>
        <translation>已填入默认规则，点击“保存”后生效。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="237"/>
        <source>Settings saved.</source>
        <translation>设置已保存。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="247"/>
        <source>Settings not saved</source>
        <translation>设置未保存</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="248"/>
        <source>Nothing was saved. Please correct:
{problems}</source>
        <translation>没有保存任何内容。请修改以下问题：
{problems}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="271"/>
        <source>The new language is used from the next start of the app.</source>
        <translation>新的界面语言将在下次启动程序时生效。</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <location filename="../../gui/crash.py" line="53"/>
        <source>An unexpected error occurred. The data already saved is safe.</source>
        <translation>程序发生了意外错误。已经保存的数据不受影响。</translation>
    </message>
    <message>
        <location filename="../../gui/crash.py" line="57"/>
        <source>A report was saved to:
{path}
Please send it to your support contact.</source>
        <translation>错误报告已保存到：
{path}
请将它发送给技术支持人员。</translation>
    </message>
    <message>
        <location filename="../../gui/crash.py" line="60"/>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <location filename="../../gui/dialogs.py" line="33"/>
        <source>Database problem</source>
        <translation>数据库问题</translation>
    </message>
</context>
</TS>
