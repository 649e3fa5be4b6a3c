<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AppointDialog</name>
    <message>
        <location filename="../../gui/inspector_dialogs.py" line="106"/>
        <source>Appoint {name}</source>
        <translation>任命 {name}</translation>
    </message>
    <message>
        <location filename="../../gui/inspector_dialogs.py" line="108"/>
        <source>Term starts</source>
        <translation>任期开始</translation>
    </message>
</context>
<context>
    <name>AssessmentDialog</name>
    <message>
        <location filename="../../gui/inspector_dialogs.py" line="120"/>
        <source>Assessment of {name}</source>
        <translation>{name} 的任期考核</translation>
    </message>
    <message>
        <location filename="../../gui/inspector_dialogs.py" line="122"/>
        <source>Outcome</source>
        <translation>考核与结束</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../../gui/inspector_dialogs.py" line="243"/>
        <source>Assign schools to {name}</source>
        <translation>为 {name} 挂牌学校</translation>
    </message>
    <message>
        <location filename="../../gui/inspector_dialogs.py" line="245"/>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../gui/inspector_dialogs.py" line="246"/>
        <source>Type part of a school&apos;s or zone&apos;s name</source>
        <translation>输入学校或责任区名称的一部分</translation>
    </message>
    <message>
        <location filename="../../gui/inspector_dialogs.py" line="247"/>
        <source>Schools</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../gui/inspector_dialogs.py" line="253"/>
        <source>now {name}</source>
        <translation>现由 {name} 负责</translation>
    </message>
    <message>
        <location filename="../../gui/inspector_dialogs.py" line="258"/>
        <source>From</source>
        <translation>起</translation>
    </message>
    <message>
        <location filename="../../gui/inspector_dialogs.py" line="279"/>
        <source>Tick at least one school.</source>
        <translation>请至少勾选一所学校。</translation>
    </message>
    <message>
        <location filename="../../gui/inspector_dialogs.py" line="292"/>
        <source>Moved from other inspectors: {schools}</source>
        <translation>以下学校已从其他督学移交：{schools}</translation>
    </message>
</context>
<context>
    <name>BatchRenewDialog</name>
    <message>
        <location filename="../../gui/inspector_dialogs.py" line="190"/>
        <source>General re-appointment</source>
        <translation>批量换届</translation>
    </message>
    <message>
        <location filename="../../gui/inspector_dialogs.py" line="192"/>
        <source>Inspectors</source>
        <translation>督学</translation>
    </message>
    <message>
        <location filename="../../gui/inspector_dialogs.py" line="195"/>
        <source>{name} (term ends {end})</source>
        <translation>{name}（任期至 {end}）</translation>
    </message>
    <message>
        <location filename="../../gui/inspector_dialogs.py" line="204"/>
        <source>Assessment for all</source>
        <translation>统一记录考核结果</translation>
    </message>
    <message>
        <location filename="../../gui/inspector_dialogs.py" line="205"/>
        <source>(as recorded)</source>
        <translation>（按已记录的考核）</translation>
    </message>
    <message>
        <location filename="../../gui/inspector_dialogs.py" line="207"/>
        <source>New terms start</source>
        <translation>新任期开始</translation>
    </message>
    <message>
        <location filename="../../gui/inspector_dialogs.py" line="219"/>
        <source>Tick at least one inspector.</source>
        <translation>请至少勾选一名督学。</translation>
    </message>
    <message>
        <location filename="../../gui/inspector_dialogs.py" line="224"/>
        <source>Renewed: {count}</source>
        <translation>已续聘：{count} 名</translation>
    </message>
    <message>
        <location filename="../../gui/inspector_dialogs.py" line="226"/>
        <source>Not renewed:</source>
        <translation>未续聘：</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../gui/pages/dashboard.py" line="84"/>
        <source>Dashboard</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard.py" line="92"/>
        <source>The database is empty. Load the demo office to try the app, or enter your office&apos;s name under Settings.</source>
        <translation>数据库中还没有数据。可以装入演示数据试用本程序，或先在“设置”中填写本单位名称。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard.py" line="97"/>
        <source>Load demo data</source>
        <translation>装入演示数据</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard.py" line="105"/>
        <source>Schools and kindergartens</source>
        <translation>学校（园）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard.py" line="106"/>
        <source>Inspectors in office</source>
        <translation>在任督学 / 需配备</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard.py" line="107"/>
        <source>Full-time inspectors</source>
        <translation>专职督学占比</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard.py" line="108"/>
        <source>Schools without an inspector</source>
        <translation>未挂牌督学的学校</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard.py" line="109"/>
        <source>Terms ending soon</source>
        <translation>任期即将届满</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard.py" line="110"/>
        <source>At the term limit</source>
        <translation>已达连任上限</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard.py" line="111"/>
        <source>Training hours short</source>
        <translation>培训学时不足</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard.py" line="112"/>
        <source>Pre-service training missing</source>
        <translation>缺岗前培训</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard.py" line="113"/>
        <source>Heavy workloads</source>
        <translation>负责学校过多</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard.py" line="114"/>
        <source>Due for rotation</source>
        <translation>宜交流</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard.py" line="115"/>
        <source>Zones</source>
        <translation>责任区</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard.py" line="125"/>
        <source>Print staffing report…</source>
        <translation>打印配备达标情况…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard.py" line="152"/>
        <source>{office} · {day}</source>
        <translation>{office} · {day}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard.py" line="158"/>
        <source>{kindergartens} kindergartens, {private} private</source>
        <translation>其中幼儿园 {kindergartens} 所，民办 {private} 所</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard.py" line="163"/>
        <source>{actual} / {required}</source>
        <translation>{actual} / {required}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard.py" line="166"/>
        <source>{shortfall} more needed by the staffing ratio</source>
        <translation>按配备比例还缺 {shortfall} 名</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard.py" line="168"/>
        <source>Staffing meets the ratio</source>
        <translation>配备达到比例要求</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard.py" line="173"/>
        <source>{count} full-time; at least {minimum:.0%} required</source>
        <translation>专职 {count} 名；要求不低于 {minimum:.0%}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard.py" line="180"/>
        <source>Assign a responsible inspector</source>
        <translation>请为其确定责任督学</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard.py" line="182"/>
        <source>Every school is covered</source>
        <translation>每所学校都有责任督学</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard.py" line="187"/>
        <source>Terms ending within {days} days</source>
        <translation>{days} 天内任期届满</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard.py" line="192"/>
        <source>Last allowed term (at most {count} in a row)</source>
        <translation>本届为最后一届（最多连任 {count} 届）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard.py" line="198"/>
        <source>Below {hours} hours in {year}</source>
        <translation>{year} 年不足 {hours} 学时</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard.py" line="205"/>
        <source>New inspectors below {hours} pre-service hours</source>
        <translation>新任督学岗前培训不足 {hours} 学时</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard.py" line="212"/>
        <source>Inspectors with more than {count} schools</source>
        <translation>负责学校超过 {count} 所的督学</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard.py" line="219"/>
        <source>Schools with the same inspector for {years} years or more</source>
        <translation>同一督学连续负责满 {years} 年的学校</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard.py" line="226"/>
        <source>{crowded} over {limit} schools; {unzoned} schools outside any zone</source>
        <translation>{crowded} 个超过 {limit} 所；{unzoned} 所学校未划入责任区</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard.py" line="230"/>
        <source>Supervision zones</source>
        <translation>督导责任区</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard.py" line="238"/>
        <source>Load the demo office (about 40 schools and 10 inspectors) into the empty database?</source>
        <translation>要把演示数据（约 40 所学校、10 名督学）装入空数据库吗？</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard.py" line="240"/>
        <location filename="../../gui/pages/dashboard.py" line="255"/>
        <source>Demo data</source>
        <translation>演示数据</translation>
    </message>
</context>
<context>
    <name>EndAssignmentDialog</name>
    <message>
        <location filename="../../gui/inspector_dialogs.py" line="308"/>
        <source>End assignments of {name}</source>
        <translation>结束 {name} 的挂牌</translation>
    </message>
    <message>
        <location filename="../../gui/inspector_dialogs.py" line="310"/>
        <source>Schools</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../gui/inspector_dialogs.py" line="316"/>
        <source>Last day</source>
        <translation>最后一天</translation>
    </message>
    <message>
        <location filename="../../gui/inspector_dialogs.py" line="323"/>
        <source>Tick at least one school.</source>
        <translation>请至少勾选一所学校。</translation>
    </message>
</context>
<context>
    <name>EndTermDialog</name>
    <message>
        <location filename="../../gui/inspector_dialogs.py" line="157"/>
        <source>End the term of {name}</source>
        <translation>结束 {name} 的任期</translation>
    </message>
    <message>
        <location filename="../../gui/inspector_dialogs.py" line="159"/>
        <source>Last day</source>
        <translation>最后一天</translation>
    </message>
    <message>
        <location filename="../../gui/inspector_dialogs.py" line="161"/>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../gui/inspector_dialogs.py" line="162"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../gui/inspector_dialogs.py" line="164"/>
        <source>The schools this inspector covers will need a new one.</source>
        <translation>该督学负责的学校需另行挂牌。</translation>
    </message>
    <message>
        <location filename="../../gui/inspector_dialogs.py" line="178"/>
        <source>These schools now have no responsible inspector:
{schools}</source>
        <translation>以下学校现在没有责任督学：
{schools}</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <location filename="../../gui/sheet_actions.py" line="177"/>
        <source>Import preview</source>
        <translation>导入预览</translation>
    </message>
    <message>
        <location filename="../../gui/sheet_actions.py" line="180"/>
        <source>{file}: {summary}</source>
        <translation>{file}：{summary}</translation>
    </message>
    <message>
        <location filename="../../gui/sheet_actions.py" line="185"/>
        <source>New zones: {zones}</source>
        <translation>新增责任区：{zones}</translation>
    </message>
    <message>
        <location filename="../../gui/sheet_actions.py" line="187"/>
        <source>+ row {row}: {name}</source>
        <translation>+ 第 {row} 行：{name}</translation>
    </message>
    <message>
        <location filename="../../gui/sheet_actions.py" line="190"/>
        <source>~ row {row}: {name} — {changes}</source>
        <translation>~ 第 {row} 行：{name} — {changes}</translation>
    </message>
    <message>
        <location filename="../../gui/sheet_actions.py" line="194"/>
        <source>Nothing to change.</source>
        <translation>没有需要更改的内容。</translation>
    </message>
</context>
<context>
    <name>InspectorDialog</name>
    <message>
        <location filename="../../gui/inspector_dialogs.py" line="49"/>
        <source>Add inspector</source>
        <translation>新增督学</translation>
    </message>
    <message>
        <location filename="../../gui/inspector_dialogs.py" line="49"/>
        <source>Edit inspector</source>
        <translation>编辑督学</translation>
    </message>
    <message>
        <location filename="../../gui/inspector_dialogs.py" line="53"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../gui/inspector_dialogs.py" line="54"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../gui/inspector_dialogs.py" line="56"/>
        <source>Full/part time</source>
        <translation>专/兼职</translation>
    </message>
    <message>
        <location filename="../../gui/inspector_dialogs.py" line="58"/>
        <source>Unit</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <location filename="../../gui/inspector_dialogs.py" line="59"/>
        <source>Post</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../gui/inspector_dialogs.py" line="60"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../gui/inspector_dialogs.py" line="61"/>
        <source>Mobile 13812345678 or landline 0738-6123456</source>
        <translation>手机 13812345678 或固话 0738-6123456</translation>
    </message>
    <message>
        <location filename="../../gui/inspector_dialogs.py" line="62"/>
        <source>Certificate no.</source>
        <translation>督学证号</translation>
    </message>
    <message>
        <location filename="../../gui/inspector_dialogs.py" line="63"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../gui/inspector_dialogs.py" line="65"/>
        <source>Appoint now, term starting</source>
        <translation>同时任命，任期自</translation>
    </message>
</context>
<context>
    <name>InspectorsPage</name>
    <message>
        <location filename="../../gui/pages/inspectors.py" line="252"/>
        <source>{serving} in office ({full} full-time) · about {ratio} schools each</source>
        <translation>在任 {serving} 名（专职 {full} 名）· 每名督学约负责 {ratio} 所学校</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors.py" line="178"/>
        <location filename="../../gui/pages/inspectors.py" line="277"/>
        <source>Select an inspector to see their details.</source>
        <translation>选择一名督学，查看其任期、挂牌学校和回避情况。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors.py" line="74"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors.py" line="75"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors.py" line="76"/>
        <source>Full/part time</source>
        <translation>专/兼职</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors.py" line="78"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors.py" line="82"/>
        <source>Unit</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors.py" line="83"/>
        <source>Post</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors.py" line="84"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors.py" line="85"/>
        <source>Term from</source>
        <translation>本届任期起</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors.py" line="87"/>
        <source>Term ends</source>
        <translation>任期届满</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors.py" line="93"/>
        <source>Consecutive terms</source>
        <translation>连任届数</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors.py" line="100"/>
        <location filename="../../gui/pages/inspectors.py" line="133"/>
        <source>Schools</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors.py" line="106"/>
        <source>Certificate no.</source>
        <translation>督学证号</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors.py" line="115"/>
        <source>Add inspector…</source>
        <translation>新增督学…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors.py" line="117"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors.py" line="120"/>
        <source>Photo…</source>
        <translation>照片…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors.py" line="123"/>
        <location filename="../../gui/pages/inspectors.py" line="208"/>
        <source>Terms</source>
        <translation>任期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors.py" line="125"/>
        <source>Appoint…</source>
        <translation>任命…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors.py" line="126"/>
        <source>Record assessment…</source>
        <translation>任期考核…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors.py" line="127"/>
        <source>Renew…</source>
        <translation>续聘…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors.py" line="128"/>
        <source>End term…</source>
        <translation>结束任期…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors.py" line="129"/>
        <source>General re-appointment…</source>
        <translation>批量换届…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors.py" line="135"/>
        <source>Assign schools…</source>
        <translation>挂牌学校…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors.py" line="136"/>
        <source>End assignments…</source>
        <translation>结束挂牌…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors.py" line="137"/>
        <source>Recusal…</source>
        <translation>回避…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors.py" line="142"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors.py" line="144"/>
        <source>Roster…</source>
        <translation>督学花名册…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors.py" line="145"/>
        <source>Terms ending…</source>
        <translation>任期届满提醒…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors.py" line="150"/>
        <source>In office</source>
        <translation>在任</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors.py" line="153"/>
        <source>Full-time, in office</source>
        <translation>在任专职督学</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors.py" line="157"/>
        <source>Term ending soon</source>
        <translation>任期即将届满</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors.py" line="160"/>
        <source>At the term limit</source>
        <translation>已达连任上限</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors.py" line="162"/>
        <source>Too many schools</source>
        <translation>负责学校过多</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors.py" line="163"/>
        <source>Not in office</source>
        <translation>不在任</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors.py" line="183"/>
        <location filename="../../gui/pages/inspectors.py" line="192"/>
        <source>From</source>
        <translation>起</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors.py" line="184"/>
        <location filename="../../gui/pages/inspectors.py" line="193"/>
        <source>To</source>
        <translation>止</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors.py" line="185"/>
        <source>Outcome</source>
        <translation>考核与结束</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors.py" line="191"/>
        <location filename="../../gui/pages/inspectors.py" line="200"/>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors.py" line="193"/>
        <source>now</source>
        <translation>至今</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors.py" line="201"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors.py" line="202"/>
        <source>Since</source>
        <translation>自</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors.py" line="209"/>
        <source>Schools covered</source>
        <translation>挂牌记录</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors.py" line="213"/>
        <source>Delete recusal</source>
        <translation>删除回避</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors.py" line="220"/>
        <source>Recusals</source>
        <translation>回避</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors.py" line="284"/>
        <source>{name} · {status} · {schools} schools</source>
        <translation>{name} · {status} · 负责 {schools} 所学校</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors.py" line="297"/>
        <source>No photo</source>
        <translation>无照片</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors.py" line="330"/>
        <source>Choose a photo</source>
        <translation>选择照片</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors.py" line="330"/>
        <source>Images (*.png *.jpg *.jpeg *.bmp)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.bmp)</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors.py" line="108"/>
        <location filename="../../gui/pages/inspectors.py" line="345"/>
        <source>Inspectors</source>
        <translation>督学</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors.py" line="395"/>
        <source>Delete the recusal from {school}?</source>
        <translation>删除对“{school}”的回避登记？</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors.py" line="396"/>
        <source>Recusal</source>
        <translation>回避</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <location filename="../../gui/list_page.py" line="56"/>
        <source>Type to filter…</source>
        <translation>输入文字筛选…</translation>
    </message>
    <message>
        <location filename="../../gui/list_page.py" line="59"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../gui/list_page.py" line="212"/>
        <source>{shown} of {total}</source>
        <translation>{shown} / 共 {total}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py" line="51"/>
        <source>Supervision Desk</source>
        <translation>督导工作台</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="82"/>
        <source>Database: {path}</source>
        <translation>数据库：{path}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="112"/>
        <source>Schools</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="113"/>
        <source>Inspectors</source>
        <translation>督学</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="114"/>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="91"/>
        <source>Visit calendar</source>
        <translation>督导日历</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="92"/>
        <source>The monthly visit plan on working days, generated and adjusted.</source>
        <translation>按工作日生成和调整每月的督导计划。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="96"/>
        <source>Visit records</source>
        <translation>督导记录</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="97"/>
        <source>Visit records: items inspected, findings, advice, attachments.</source>
        <translation>督导记录表：督导事项、发现的问题、意见建议、附件。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="101"/>
        <source>Rectification</source>
        <translation>整改</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="102"/>
        <source>Problems found on visits, deadlines, follow-ups and escalation.</source>
        <translation>督导发现的问题、整改期限、复查和上报。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="106"/>
        <source>Evaluation archives</source>
        <translation>迎检档案</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="107"/>
        <source>Archive checklists for evaluations and their progress per school.</source>
        <translation>迎检档案清单及各校的整理进度。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="117"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="111"/>
        <source>Dashboard</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="118"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="130"/>
        <source>&amp;Back up database…</source>
        <translation>备份数据库(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="132"/>
        <source>&amp;Restore from backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="134"/>
        <source>Open &amp;data folder</source>
        <translation>打开数据文件夹(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="138"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="141"/>
        <source>&amp;About Supervision Desk</source>
        <translation>关于督导工作台(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="145"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="149"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="166"/>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="179"/>
        <source>The daily backup failed: {error}</source>
        <translation>今日自动备份失败：{error}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="190"/>
        <source>Back up database</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="190"/>
        <location filename="../../gui/main_window.py" line="210"/>
        <source>Database files (*.db)</source>
        <translation>数据库文件 (*.db)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="198"/>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="199"/>
        <source>The database was copied to:
{path}</source>
        <translation>数据库已备份到：
{path}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="210"/>
        <location filename="../../gui/main_window.py" line="218"/>
        <location filename="../../gui/main_window.py" line="224"/>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="215"/>
        <source>Replace all current data with the backup
{path}?

A safety copy of the current data is saved first.</source>
        <translation>要用备份
{path}
替换当前的全部数据吗？

恢复前会先自动保存一份当前数据。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="225"/>
        <source>The data was restored. The previous data was saved to:
{path}</source>
        <translation>数据已恢复。恢复前的数据保存在：
{path}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="242"/>
        <source>Roster, visit calendar, rectification and reports for an education supervision office.</source>
        <translation>教育督导办公室的督学名册、督导日历、整改跟踪和报表。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="250"/>
        <source>About Supervision Desk</source>
        <translation>关于督导工作台</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <location filename="../../gui/pdf_preview.py" line="41"/>
        <source>{count} pages</source>
        <translation>共 {count} 页</translation>
    </message>
    <message>
        <location filename="../../gui/pdf_preview.py" line="42"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../gui/pdf_preview.py" line="43"/>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../gui/pdf_preview.py" line="44"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../gui/pdf_preview.py" line="82"/>
        <location filename="../../gui/pdf_preview.py" line="92"/>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../gui/pdf_preview.py" line="93"/>
        <source>Could not save {path}: {error}</source>
        <translation>无法保存 {path}：{error}</translation>
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
    <name>RecusalDialog</name>
    <message>
        <location filename="../../gui/inspector_dialogs.py" line="341"/>
        <source>Recusal of {name}</source>
        <translation>{name} 的回避</translation>
    </message>
    <message>
        <location filename="../../gui/inspector_dialogs.py" line="343"/>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../gui/inspector_dialogs.py" line="348"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../gui/inspector_dialogs.py" line="350"/>
        <source>e.g. former principal there; a relative works there</source>
        <translation>如：曾任该校校长；亲属在该校工作</translation>
    </message>
    <message>
        <location filename="../../gui/inspector_dialogs.py" line="352"/>
        <source>Since</source>
        <translation>自</translation>
    </message>
    <message>
        <location filename="../../gui/inspector_dialogs.py" line="358"/>
        <source>Choose a school from the list.</source>
        <translation>请从列表中选择学校。</translation>
    </message>
</context>
<context>
    <name>RenewDialog</name>
    <message>
        <location filename="../../gui/inspector_dialogs.py" line="136"/>
        <source>Renew {name}</source>
        <translation>续聘 {name}</translation>
    </message>
    <message>
        <location filename="../../gui/inspector_dialogs.py" line="139"/>
        <source>Assessment</source>
        <translation>任期考核</translation>
    </message>
    <message>
        <location filename="../../gui/inspector_dialogs.py" line="139"/>
        <source>(as recorded)</source>
        <translation>（按已记录的考核）</translation>
    </message>
    <message>
        <location filename="../../gui/inspector_dialogs.py" line="141"/>
        <source>New term starts</source>
        <translation>新任期开始</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../gui/pages/reports.py" line="50"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../gui/pages/reports.py" line="73"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../gui/pages/reports.py" line="74"/>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../gui/pages/reports.py" line="75"/>
        <source>Paper</source>
        <translation>纸张</translation>
    </message>
    <message>
        <location filename="../../gui/pages/reports.py" line="76"/>
        <source>Preview…</source>
        <translation>预览…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/reports.py" line="79"/>
        <source>The preview window prints on the office printer or saves the PDF.</source>
        <translation>在预览窗口中可以打印，或另存为 PDF 文件。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/reports.py" line="115"/>
        <source>All schools</source>
        <translation>全部学校</translation>
    </message>
    <message>
        <location filename="../../gui/pages/reports.py" line="129"/>
        <source>Every inspector with gender, unit, post, full or part time, phone, term dates, zone and schools. A4 landscape.</source>
        <translation>全部督学的性别、工作单位、职务、专兼职、联系电话、任期、责任区和挂牌学校。A4 横向。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/reports.py" line="133"/>
        <source>The sign at a school&apos;s gate: the responsible inspector with photo, supervision phone, duties and main inspection items. One school or every school, A4 or A3.</source>
        <translation>学校门口的责任督学挂牌公示牌：责任督学照片、监督电话、工作职责和主要督导事项。可打印一所或全部学校，A4 或 A3。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/reports.py" line="137"/>
        <source>Inspectors against the staffing ratio, the full-time share, schools without an inspector, and each zone.</source>
        <translation>按配备比例的督学人数、专职督学占比、未挂牌学校，以及各责任区情况。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/reports.py" line="141"/>
        <source>Each inspector&apos;s training hours in a year against the requirement, with pre-service and centralized training.</source>
        <translation>每名督学全年培训学时与要求对照，以及岗前培训和集中培训情况。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/reports.py" line="145"/>
        <source>Terms ending within the warning period and inspectors at the term limit.</source>
        <translation>提醒期内任期届满的督学，以及已达连任上限的督学。</translation>
    </message>
</context>
<context>
    <name>SchoolDialog</name>
    <message>
        <location filename="../../gui/pages/schools.py" line="248"/>
        <source>Add school</source>
        <translation>新增学校</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools.py" line="248"/>
        <source>Edit school</source>
        <translation>编辑学校</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools.py" line="252"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools.py" line="253"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools.py" line="254"/>
        <source>Private</source>
        <translation>民办</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools.py" line="255"/>
        <source>Students</source>
        <translation>在校生数</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools.py" line="257"/>
        <source>Zone</source>
        <translation>责任区</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools.py" line="258"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools.py" line="261"/>
        <source>Principal</source>
        <translation>校（园）长</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools.py" line="263"/>
        <source>Principal&apos;s term ends</source>
        <translation>校长任期届满</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools.py" line="265"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools.py" line="266"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
</context>
<context>
    <name>SchoolsPage</name>
    <message>
        <location filename="../../gui/pages/schools.py" line="69"/>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools.py" line="70"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools.py" line="72"/>
        <source>Ownership</source>
        <translation>性质</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools.py" line="73"/>
        <location filename="../../gui/pages/schools.py" line="137"/>
        <source>Private</source>
        <translation>民办</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools.py" line="73"/>
        <source>Public</source>
        <translation>公办</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools.py" line="75"/>
        <source>Students</source>
        <translation>在校生数</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools.py" line="77"/>
        <source>Zone</source>
        <translation>责任区</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools.py" line="77"/>
        <location filename="../../gui/pages/schools.py" line="81"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools.py" line="80"/>
        <source>Responsible inspector</source>
        <translation>责任督学</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools.py" line="85"/>
        <source>Assigned since</source>
        <translation>挂牌起始</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools.py" line="89"/>
        <source>Principal</source>
        <translation>校（园）长</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools.py" line="91"/>
        <source>Principal&apos;s term ends</source>
        <translation>校长任期届满</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools.py" line="95"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools.py" line="96"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools.py" line="98"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools.py" line="99"/>
        <location filename="../../gui/pages/schools.py" line="128"/>
        <source>In use</source>
        <translation>在用</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools.py" line="99"/>
        <location filename="../../gui/pages/schools.py" line="140"/>
        <source>Deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools.py" line="102"/>
        <source>Schools</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools.py" line="109"/>
        <source>Add school…</source>
        <translation>新增学校…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools.py" line="110"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools.py" line="115"/>
        <source>Activate</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools.py" line="117"/>
        <source>Zones…</source>
        <translation>责任区…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools.py" line="120"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools.py" line="122"/>
        <source>Signs of the selected schools…</source>
        <translation>所选学校的挂牌公示牌…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools.py" line="123"/>
        <source>Signs of every school…</source>
        <translation>全部学校的挂牌公示牌…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools.py" line="130"/>
        <source>Without an inspector</source>
        <translation>未挂牌督学</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools.py" line="134"/>
        <source>Kindergartens</source>
        <translation>幼儿园</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools.py" line="138"/>
        <source>Large (own inspector)</source>
        <translation>大规模学校（1∶1）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools.py" line="139"/>
        <source>Same inspector for years</source>
        <translation>同一督学负责多年（宜交流）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools.py" line="171"/>
        <source>{zone}: {count}</source>
        <translation>{zone} {count} 所</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools.py" line="176"/>
        <source>No zones yet: add them under Zones…</source>
        <translation>尚未设立责任区：请点“责任区…”添加</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools.py" line="178"/>
        <source>More than {limit} schools in: {zones}</source>
        <translation>学校数超过 {limit} 所的责任区：{zones}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools.py" line="224"/>
        <source>Deactivate {count} school(s): {names}?

Their history is kept; their responsible inspector&apos;s assignment ends today.</source>
        <translation>停用 {count} 所学校：{names}？

历史记录保留；其责任督学的挂牌自今日结束。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools.py" line="112"/>
        <location filename="../../gui/pages/schools.py" line="227"/>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../gui/pages/settings.py" line="66"/>
        <source>e.g. Education Supervision Office of … County</source>
        <translation>例如：××县人民政府教育督导室</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="68"/>
        <source>Office</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="70"/>
        <source>Office name (printed on reports)</source>
        <translation>单位名称（印在报表上）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="80"/>
        <location filename="../../gui/pages/settings.py" line="269"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="82"/>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="84"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="86"/>
        <source>Database: {path}</source>
        <translation>数据库：{path}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="99"/>
        <source>A server database is backed up with the server&apos;s own tools.</source>
        <translation>服务器数据库请使用服务器自带的工具备份。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="107"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="110"/>
        <source>Undo changes</source>
        <translation>撤销修改</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="112"/>
        <source>Restore default rules</source>
        <translation>恢复默认规则</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="123"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="218"/>
        <source>Default rules filled in; press Save to keep them.</source>
        <translation>已填入默认规则，点击“保存”后生效。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="236"/>
        <source>Settings saved.</source>
        <translation>设置已保存。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="246"/>
        <source>Settings not saved</source>
        <translation>设置未保存</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="247"/>
        <source>Nothing was saved. Please correct:
{problems}</source>
        <translation>没有保存任何内容。请修改以下问题：
{problems}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="270"/>
        <source>The new language is used from the next start of the app.</source>
        <translation>新的界面语言将在下次启动程序时生效。</translation>
    </message>
</context>
<context>
    <name>SheetActions</name>
    <message>
        <location filename="../../gui/sheet_actions.py" line="68"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../gui/sheet_actions.py" line="69"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../gui/sheet_actions.py" line="70"/>
        <source>Blank template…</source>
        <translation>空白模板…</translation>
    </message>
    <message>
        <location filename="../../gui/sheet_actions.py" line="82"/>
        <source>Import from Excel</source>
        <translation>从 Excel 导入</translation>
    </message>
    <message>
        <location filename="../../gui/sheet_actions.py" line="104"/>
        <location filename="../../gui/sheet_actions.py" line="117"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../gui/sheet_actions.py" line="105"/>
        <source>Saved: {summary}</source>
        <translation>已保存：{summary}</translation>
    </message>
    <message>
        <location filename="../../gui/sheet_actions.py" line="118"/>
        <source>Nothing was saved. Please correct the sheet:</source>
        <translation>没有保存任何数据。请修改表格中的以下问题：</translation>
    </message>
    <message>
        <location filename="../../gui/sheet_actions.py" line="133"/>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <location filename="../../gui/sheet_actions.py" line="143"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../gui/sheet_actions.py" line="144"/>
        <source>{count} rows written to
{path}</source>
        <translation>已导出 {count} 行到
{path}</translation>
    </message>
    <message>
        <location filename="../../gui/sheet_actions.py" line="153"/>
        <location filename="../../gui/sheet_actions.py" line="161"/>
        <source>Blank template</source>
        <translation>空白模板</translation>
    </message>
    <message>
        <location filename="../../gui/sheet_actions.py" line="162"/>
        <source>Template written to
{path}</source>
        <translation>模板已保存到
{path}</translation>
    </message>
</context>
<context>
    <name>TrainingDialog</name>
    <message>
        <location filename="../../gui/pages/training.py" line="257"/>
        <source>Add training</source>
        <translation>新增培训记录</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training.py" line="257"/>
        <source>Edit training record</source>
        <translation>编辑培训记录</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training.py" line="260"/>
        <source>Course</source>
        <translation>培训名称</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training.py" line="261"/>
        <source>Organizer</source>
        <translation>主办单位</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training.py" line="262"/>
        <source>Form</source>
        <translation>培训形式</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training.py" line="263"/>
        <source>From</source>
        <translation>起</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training.py" line="264"/>
        <source>To</source>
        <translation>止</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training.py" line="265"/>
        <source>Hours</source>
        <translation>学时</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training.py" line="269"/>
        <source>Certificate</source>
        <translation>证书编号</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training.py" line="270"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training.py" line="286"/>
        <source>Inspectors</source>
        <translation>督学</translation>
    </message>
</context>
<context>
    <name>TrainingPage</name>
    <message>
        <location filename="../../gui/pages/training.py" line="73"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training.py" line="75"/>
        <source>Hours this year</source>
        <translation>本年学时</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training.py" line="81"/>
        <source>Required</source>
        <translation>要求学时</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training.py" line="83"/>
        <source>Short by</source>
        <translation>差额</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training.py" line="90"/>
        <source>Pre-service</source>
        <translation>岗前培训</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training.py" line="100"/>
        <source>Centralized days, 3 years</source>
        <translation>近三年集中培训（天）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training.py" line="117"/>
        <source>Year </source>
        <translation>年度 </translation>
    </message>
    <message>
        <location filename="../../gui/pages/training.py" line="119"/>
        <source>Add training…</source>
        <translation>新增培训记录…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training.py" line="121"/>
        <source>Print hours…</source>
        <translation>打印学时统计…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training.py" line="124"/>
        <source>Short of hours</source>
        <translation>学时不足</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training.py" line="126"/>
        <source>Pre-service missing</source>
        <translation>缺岗前培训</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training.py" line="129"/>
        <source>Centralized training missing</source>
        <translation>近三年集中培训不足</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training.py" line="141"/>
        <source>Inspector</source>
        <translation>督学</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training.py" line="142"/>
        <source>From</source>
        <translation>起</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training.py" line="143"/>
        <source>To</source>
        <translation>止</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training.py" line="144"/>
        <source>Course</source>
        <translation>培训名称</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training.py" line="145"/>
        <source>Form</source>
        <translation>培训形式</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training.py" line="146"/>
        <source>Hours</source>
        <translation>学时</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training.py" line="147"/>
        <source>Organizer</source>
        <translation>主办单位</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training.py" line="148"/>
        <source>Certificate</source>
        <translation>证书编号</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training.py" line="160"/>
        <source>Edit record…</source>
        <translation>编辑记录…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training.py" line="162"/>
        <source>Delete records</source>
        <translation>删除记录</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training.py" line="191"/>
        <source>{year}: {short} of {count} inspectors below {required} hours</source>
        <translation>{year} 年：{count} 名在任督学中 {short} 名不足 {required} 学时</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training.py" line="207"/>
        <source>Records of {year}: {count}</source>
        <translation>{year} 年培训记录：{count} 条</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training.py" line="239"/>
        <source>Delete {count} training record(s)?</source>
        <translation>删除 {count} 条培训记录？</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training.py" line="107"/>
        <location filename="../../gui/pages/training.py" line="240"/>
        <source>Training</source>
        <translation>培训</translation>
    </message>
</context>
<context>
    <name>ZonesDialog</name>
    <message>
        <location filename="../../gui/pages/schools.py" line="302"/>
        <source>Zones</source>
        <translation>责任区</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools.py" line="308"/>
        <source>Zone name</source>
        <translation>责任区名称</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools.py" line="309"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools.py" line="310"/>
        <source>Rename</source>
        <translation>改名</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools.py" line="311"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools.py" line="344"/>
        <source>{zone} ({count} schools)</source>
        <translation>{zone}（{count} 所学校）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools.py" line="348"/>
        <source>{inspectors} responsible inspectors, {required} by the ratio</source>
        <translation>责任督学 {inspectors} 名，按比例应配 {required} 名</translation>
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
        <location filename="../../gui/dialogs.py" line="36"/>
        <source>Database problem</source>
        <translation>数据库问题</translation>
    </message>
</context>
</TS>
