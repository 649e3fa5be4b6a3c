<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../gui/pages/rectification/dialogs.py" line="277"/>
        <source>{kind}: {school}</source>
        <translation>{kind}：{school}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/dialogs.py" line="282"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/dialogs.py" line="284"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/dialogs.py" line="286"/>
        <source>New deadline</source>
        <translation>新的整改期限</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/dialogs.py" line="288"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/dialogs.py" line="289"/>
        <location filename="../../gui/pages/rectification/dialogs.py" line="301"/>
        <source>Talked to</source>
        <translation>约谈对象</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/dialogs.py" line="290"/>
        <location filename="../../gui/pages/rectification/dialogs.py" line="302"/>
        <source>Talked by</source>
        <translation>约谈人</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/dialogs.py" line="291"/>
        <location filename="../../gui/pages/rectification/dialogs.py" line="303"/>
        <source>Written record</source>
        <translation>约谈记录</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/dialogs.py" line="292"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/dialogs.py" line="299"/>
        <source>Reason (late or inadequate)</source>
        <translation>督办事由（逾期或整改不到位）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/dialogs.py" line="305"/>
        <source>What was published</source>
        <translation>通报内容</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/dialogs.py" line="307"/>
        <source>Held to account</source>
        <translation>问责对象</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/dialogs.py" line="308"/>
        <location filename="../../gui/pages/rectification/dialogs.py" line="310"/>
        <source>Reason</source>
        <translation>事由</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/dialogs.py" line="310"/>
        <source>Reported to</source>
        <translation>报送单位</translation>
    </message>
</context>
<context>
    <name>AppointDialog</name>
    <message>
        <location filename="../../gui/pages/inspectors/dialogs.py" line="139"/>
        <source>Appoint {name}</source>
        <translation>任命 {name}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/dialogs.py" line="141"/>
        <source>Term starts</source>
        <translation>任期开始</translation>
    </message>
</context>
<context>
    <name>ArchiveCampaignDialog</name>
    <message>
        <location filename="../../gui/pages/archives/dialogs.py" line="128"/>
        <source>Edit campaign</source>
        <translation>编辑迎检工作</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/dialogs.py" line="128"/>
        <source>New campaign</source>
        <translation>新建迎检工作</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/dialogs.py" line="133"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/dialogs.py" line="134"/>
        <source>e.g. 2026年县域义务教育优质均衡督导评估迎检</source>
        <translation>例如：2026年县域义务教育优质均衡督导评估迎检</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/dialogs.py" line="135"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/dialogs.py" line="136"/>
        <source>Started on</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/dialogs.py" line="138"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/dialogs.py" line="166"/>
        <source>Phases and their deadlines</source>
        <translation>工作阶段及截止日期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/dialogs.py" line="169"/>
        <source>Phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/dialogs.py" line="169"/>
        <source>Deadline</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/dialogs.py" line="179"/>
        <source>Add phase</source>
        <translation>添加阶段</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/dialogs.py" line="181"/>
        <source>Remove phase</source>
        <translation>删除阶段</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/dialogs.py" line="253"/>
        <source>Schools taking part</source>
        <translation>参加学校</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/dialogs.py" line="255"/>
        <source>Type to filter…</source>
        <translation>输入文字筛选…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/dialogs.py" line="270"/>
        <source>Tick zone</source>
        <translation>勾选该责任区</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/dialogs.py" line="273"/>
        <source>Tick all kindergartens</source>
        <translation>勾选全部幼儿园</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/dialogs.py" line="275"/>
        <source>Tick all shown</source>
        <translation>勾选所列学校</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/dialogs.py" line="279"/>
        <source>Untick all</source>
        <translation>全部取消</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/dialogs.py" line="297"/>
        <source>Templates applied</source>
        <translation>采用的清单模板</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/dialogs.py" line="301"/>
        <source>{name} ({items} items, {required} required)</source>
        <translation>{name}（{items} 项，其中必备 {required} 项）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/dialogs.py" line="307"/>
        <source>Each school gets one checklist with the items of every template ticked that is for its kind of school (a template names the kinds it is for). Schools added later are due by the next deadline still ahead. Removing a template later drops only its items nobody has worked on.</source>
        <translation>每所学校生成一份清单，包含所勾选模板中适用于该类学校的项目（模板注明适用的学校类别）。以后加入的学校，完成期限取尚未到期的下一个阶段截止日期。以后取消某个模板，只删除其中尚未有人处理的项目。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/archives/dialogs.py" line="364"/>
        <source>%n ticked</source>
        <translation>
            <numerusform>已勾选 %n 所</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ArchivesPage</name>
    <message>
        <location filename="../../gui/pages/archives/page.py" line="130"/>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/page.py" line="131"/>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/page.py" line="132"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/page.py" line="133"/>
        <source>Required</source>
        <translation>必备</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/page.py" line="135"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/page.py" line="140"/>
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/page.py" line="142"/>
        <source>Due</source>
        <translation>完成期限</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/page.py" line="147"/>
        <source>Box no.</source>
        <translation>盒号</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/page.py" line="148"/>
        <source>Location</source>
        <translation>存放位置</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/page.py" line="149"/>
        <source>Retention</source>
        <translation>保管期限</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/page.py" line="150"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/page.py" line="152"/>
        <source>Files</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/page.py" line="159"/>
        <location filename="../../gui/pages/archives/page.py" line="426"/>
        <location filename="../../gui/pages/archives/page.py" line="453"/>
        <location filename="../../gui/pages/archives/page.py" line="456"/>
        <location filename="../../gui/pages/archives/page.py" line="471"/>
        <location filename="../../gui/pages/archives/page.py" line="475"/>
        <source>Evaluation archives</source>
        <translation>迎检档案</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/page.py" line="168"/>
        <source>Change selected items…</source>
        <translation>修改所选项目…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/page.py" line="170"/>
        <source>Change whole schools…</source>
        <translation>按学校批量修改…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/page.py" line="172"/>
        <location filename="../../gui/pages/archives/page.py" line="565"/>
        <source>Print checklist</source>
        <translation>打印清单</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/page.py" line="175"/>
        <source>Not done yet</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/page.py" line="176"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/page.py" line="179"/>
        <source>No checklist to show — start a campaign for the next evaluation with “New campaign…”, or choose another campaign or school above.</source>
        <translation>没有可显示的档案资料清单 — 点击“新建迎检…”为下一次评估建立迎检项目，或在上方选择其他迎检项目或学校。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/page.py" line="182"/>
        <location filename="../../gui/pages/archives/page.py" line="201"/>
        <source>New campaign…</source>
        <translation>新建迎检…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/page.py" line="203"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/page.py" line="205"/>
        <location filename="../../gui/pages/archives/page.py" line="361"/>
        <source>End campaign</source>
        <translation>结束迎检</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/page.py" line="207"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/page.py" line="209"/>
        <source>Campaign:</source>
        <translation>迎检工作：</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/page.py" line="219"/>
        <location filename="../../gui/pages/archives/page.py" line="301"/>
        <source>All schools</source>
        <translation>全部学校</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/page.py" line="245"/>
        <source>Checklists</source>
        <translation>清单</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/page.py" line="246"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/page.py" line="247"/>
        <source>Scoring</source>
        <translation>评分</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/page.py" line="248"/>
        <source>Templates</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/page.py" line="285"/>
        <source>{name} (closed {day})</source>
        <translation>{name}（{day} 已结束）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/page.py" line="291"/>
        <source>(no campaign yet)</source>
        <translation>（尚无迎检工作）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/page.py" line="319"/>
        <source>No campaign yet. Create one with “New campaign…”: each school taking part gets a checklist from the templates chosen.</source>
        <translation>还没有迎检工作。请点“新建迎检…”创建：参加的每所学校都会按所选模板生成一份档案资料清单。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/page.py" line="326"/>
        <source>started {day}</source>
        <translation>{day} 开始</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/archives/page.py" line="327"/>
        <source>%n school(s)</source>
        <translation>
            <numerusform>%n 所学校</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/archives/page.py" line="331"/>
        <source>%n overdue</source>
        <translation>
            <numerusform>逾期 %n 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/archives/page.py" line="338"/>
        <source>next: {phase} by {day} (%n day(s) left)</source>
        <translation>
            <numerusform>下一阶段：{phase}，{day} 截止（还剩 %n 天）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/archives/page.py" line="466"/>
        <source>Delete the campaign “{name}” with the checklists of its %n school(s), their attachments, snapshots and scores?</source>
        <translation>
            <numerusform>要删除迎检工作“{name}”及其 %n 所学校的清单、附件、进度快照和评分吗？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/archives/page.py" line="487"/>
        <source>%n item(s) of {schools}</source>
        <translation>
            <numerusform>{schools} 的 %n 个项目</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/archives/page.py" line="520"/>
        <source>All %n item(s) of {schools}</source>
        <translation>
            <numerusform>{schools} 的全部 %n 个项目</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/page.py" line="328"/>
        <source>{percent} of required items complete</source>
        <translation>必备项目完成 {percent}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/page.py" line="334"/>
        <source>closed {day}</source>
        <translation>{day} 已结束</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/page.py" line="347"/>
        <source>{status}, overdue</source>
        <translation>{status}，已逾期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/page.py" line="359"/>
        <source>Reopen campaign</source>
        <translation>重新开启</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/page.py" line="449"/>
        <source>Reopen the campaign “{name}”?</source>
        <translation>要重新开启迎检工作“{name}”吗？</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/page.py" line="451"/>
        <source>Close the campaign “{name}” today? Its checklists stay for the record.</source>
        <translation>要在今天结束迎检工作“{name}”吗？其档案资料清单仍保留备查。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/page.py" line="566"/>
        <source>Choose a school (or select one of its items) to print its checklist.</source>
        <translation>请先选择一所学校（或选中该校的某个项目），再打印其清单。</translation>
    </message>
</context>
<context>
    <name>AssessmentDialog</name>
    <message>
        <location filename="../../gui/pages/inspectors/dialogs.py" line="158"/>
        <source>Assessment of {name}</source>
        <translation>{name} 的任期考核</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/dialogs.py" line="160"/>
        <source>Outcome</source>
        <translation>考核结果</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../../gui/pages/inspectors/dialogs.py" line="283"/>
        <source>Assign schools to {name}</source>
        <translation>为 {name} 挂牌学校</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/dialogs.py" line="285"/>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/dialogs.py" line="286"/>
        <source>Type part of a school&apos;s or zone&apos;s name</source>
        <translation>输入学校或责任区名称的一部分</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/dialogs.py" line="287"/>
        <source>Schools</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/dialogs.py" line="291"/>
        <source>no zone</source>
        <translation>未分责任区</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/dialogs.py" line="294"/>
        <source>now {name}</source>
        <translation>现由 {name} 负责</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/dialogs.py" line="299"/>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/dialogs.py" line="320"/>
        <source>Tick at least one school.</source>
        <translation>请至少勾选一所学校。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/dialogs.py" line="330"/>
        <source>{school} (was {name})</source>
        <translation>{school}（原{name}）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/dialogs.py" line="336"/>
        <source>Moved from other inspectors: {schools}</source>
        <translation>以下学校已从其他督学移交：{schools}</translation>
    </message>
</context>
<context>
    <name>AttachmentsBox</name>
    <message>
        <location filename="../../gui/widgets/attachments_box.py" line="65"/>
        <source>Attachments (saved at once)</source>
        <translation>附件（立即保存）</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/attachments_box.py" line="76"/>
        <source>Add attachment…</source>
        <translation>添加附件…</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/attachments_box.py" line="78"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/attachments_box.py" line="80"/>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/attachments_box.py" line="82"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/attachments_box.py" line="91"/>
        <location filename="../../gui/widgets/attachments_box.py" line="174"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/attachments_box.py" line="105"/>
        <source>{size:,} bytes</source>
        <translation>{size:,} 字节</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/attachments_box.py" line="127"/>
        <source>Add attachment</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/attachments_box.py" line="127"/>
        <location filename="../../gui/widgets/attachments_box.py" line="159"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/attachments_box.py" line="159"/>
        <source>Save attachment as</source>
        <translation>附件另存为</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/attachments_box.py" line="173"/>
        <source>Remove the attachment “{name}”?</source>
        <translation>确定删除附件“{name}”？</translation>
    </message>
</context>
<context>
    <name>BatchRenewDialog</name>
    <message>
        <location filename="../../gui/pages/inspectors/dialogs.py" line="230"/>
        <source>General re-appointment</source>
        <translation>批量换届</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/dialogs.py" line="232"/>
        <source>Inspectors</source>
        <translation>督学</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/dialogs.py" line="235"/>
        <source>{name} (term ends {end})</source>
        <translation>{name}（任期至 {end}）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/dialogs.py" line="244"/>
        <source>Assessment for all</source>
        <translation>统一记录考核结果</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/dialogs.py" line="245"/>
        <source>(as recorded)</source>
        <translation>（按已记录的考核）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/dialogs.py" line="247"/>
        <source>New terms start</source>
        <translation>新任期开始</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/dialogs.py" line="259"/>
        <source>Tick at least one inspector.</source>
        <translation>请至少勾选一名督学。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/dialogs.py" line="264"/>
        <source>Renewed: {count}</source>
        <translation>已续聘：{count} 名</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/dialogs.py" line="266"/>
        <source>Not renewed:</source>
        <translation>未续聘：</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="120"/>
        <location filename="../../gui/pages/calendar/page.py" line="524"/>
        <source>Visit calendar</source>
        <translation>督导日历</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="128"/>
        <location filename="../../gui/pages/calendar/page.py" line="162"/>
        <location filename="../../gui/pages/calendar/page.py" line="511"/>
        <source>Generate month plan</source>
        <translation>生成本月计划</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="129"/>
        <location filename="../../gui/pages/calendar/page.py" line="163"/>
        <source>New visit</source>
        <translation>新增督导</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="130"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="90"/>
        <location filename="../../gui/pages/calendar/page.py" line="111"/>
        <location filename="../../gui/pages/calendar/page.py" line="132"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="75"/>
        <source>Generated</source>
        <translation>自动生成</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="76"/>
        <source>By hand</source>
        <translation>手工安排</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="80"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="84"/>
        <location filename="../../gui/pages/calendar/page.py" line="108"/>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="85"/>
        <source>Zone</source>
        <translation>责任区</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="86"/>
        <location filename="../../gui/pages/calendar/page.py" line="109"/>
        <source>Inspector</source>
        <translation>督学</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="87"/>
        <source>With</source>
        <translation>同行督学</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="88"/>
        <location filename="../../gui/pages/calendar/page.py" line="110"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="95"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="99"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="138"/>
        <source>Back to planned</source>
        <translation>恢复为已计划</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="141"/>
        <location filename="../../gui/pages/calendar/page.py" line="559"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="143"/>
        <source>Planning</source>
        <translation>计划</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="145"/>
        <source>Special-topic campaign…</source>
        <translation>专项督导…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="146"/>
        <source>Semester check…</source>
        <translation>学期核查…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="147"/>
        <source>Working days…</source>
        <translation>工作日设置…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="148"/>
        <source>Leave and training…</source>
        <translation>请假与培训…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="152"/>
        <location filename="../../gui/pages/calendar/page.py" line="613"/>
        <location filename="../../gui/pages/calendar/page.py" line="620"/>
        <location filename="../../gui/pages/calendar/page.py" line="633"/>
        <location filename="../../gui/pages/calendar/page.py" line="642"/>
        <source>Export to phone calendar</source>
        <translation>导出到手机日历</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="154"/>
        <source>One inspector&apos;s month…</source>
        <translation>一名督学的本月安排…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="155"/>
        <source>Every inspector into a folder…</source>
        <translation>全部督学（每人一个文件）…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="160"/>
        <source>No visits this month — generate the month&apos;s plan or add a visit.</source>
        <translation>本月还没有督导安排 — 点击“生成本月计划”或“新增督导”。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="166"/>
        <source>Print schedule</source>
        <translation>打印安排表</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="169"/>
        <source>Due in the next 7 days</source>
        <translation>7天内待督导</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="171"/>
        <source>Planned or confirmed</source>
        <translation>已计划或已确认</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="173"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="176"/>
        <source>Cancelled or postponed</source>
        <translation>已取消或延期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="190"/>
        <source>Previous month</source>
        <translation>上月</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="194"/>
        <source>Next month</source>
        <translation>下月</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="195"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="196"/>
        <source>Month grid</source>
        <translation>月视图</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="197"/>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="209"/>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="212"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="312"/>
        <source>All inspectors</source>
        <translation>全部督学</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="315"/>
        <source>All zones</source>
        <translation>全部责任区</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/calendar/page.py" line="343"/>
        <source>%n visit(s) due from today to {0} (the next 7 days).</source>
        <translation>
            <numerusform>今天起至 {0}（未来 7 天）待进行的督导 %n 次。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/calendar/page.py" line="347"/>
        <source>%n visit(s) this month: {0} done, {1} still to go.</source>
        <translation>
            <numerusform>本月督导 %n 次：已完成 {0} 次，待完成 {1} 次。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="443"/>
        <source>{date} {weekday} ({kind})</source>
        <translation>{date} {weekday}（{kind}）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/calendar/page.py" line="558"/>
        <source>Delete %n visit(s)? Their records go with them.</source>
        <translation>
            <numerusform>删除 %n 项督导安排？其督导记录将一并删除。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="621"/>
        <source>{name} visits {month}.ics</source>
        <translation>{name}-{month}督导安排.ics</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/calendar/page.py" line="653"/>
        <source>%n calendar file(s), one per inspector, saved in {folder}</source>
        <translation>
            <numerusform>已在 {folder} 保存 %n 个日历文件，每名督学一个</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="349"/>
        <source>The plan is internal (四不两直): it is not sent to schools.</source>
        <translation>计划仅限内部使用（四不两直），不发送给学校。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="352"/>
        <source>Kindergartens&apos; break from {start} to {end}.</source>
        <translation>幼儿园放假：{start}至{end}。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="354"/>
        <source>School break from {start} to {end}: no routine visits.</source>
        <translation>寒暑假：{start}至{end}，不安排经常性督导。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="441"/>
        <source>day off</source>
        <translation>休息日</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="441"/>
        <source>working day</source>
        <translation>工作日</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="501"/>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="501"/>
        <source>This month has already passed.</source>
        <translation>该月份已过。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="504"/>
        <source>Plan {0}-{1:02d}? Visits the generator planned before are replaced; confirmed, done and hand-entered visits stay.</source>
        <translation>生成{0}年{1:02d}月计划？此前自动生成的督导安排将被替换；已确认、已完成及手动录入的督导保留不变。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="510"/>
        <source>Note: {notice}.</source>
        <translation>注意：{notice}。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="577"/>
        <source>Move</source>
        <translation>改期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="577"/>
        <source>A visit already done cannot be moved.</source>
        <translation>已完成的督导不能改期。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="614"/>
        <source>Choose an inspector in the filter (or select one of their visits).</source>
        <translation>请在筛选栏中选择督学（或选中该督学的一项督导）。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="633"/>
        <source>Saved: {0}</source>
        <translation>已保存：{0}</translation>
    </message>
</context>
<context>
    <name>ComplaintDialog</name>
    <message>
        <location filename="../../gui/pages/rectification/dialogs.py" line="388"/>
        <source>Register a complaint</source>
        <translation>登记投诉</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/dialogs.py" line="388"/>
        <source>Edit complaint</source>
        <translation>编辑投诉</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/dialogs.py" line="392"/>
        <source>Received on</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/dialogs.py" line="394"/>
        <source>Channel</source>
        <translation>投诉渠道</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/dialogs.py" line="395"/>
        <source>From</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/dialogs.py" line="396"/>
        <source>Leave empty for an anonymous complaint</source>
        <translation>匿名投诉可不填</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/dialogs.py" line="397"/>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/dialogs.py" line="398"/>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/dialogs.py" line="399"/>
        <source>Complaint</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/dialogs.py" line="402"/>
        <source>Verified by</source>
        <translation>核查人</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/dialogs.py" line="403"/>
        <source>(not assigned)</source>
        <translation>（未指定）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/dialogs.py" line="405"/>
        <source>Verification</source>
        <translation>核实情况</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/dialogs.py" line="406"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/dialogs.py" line="407"/>
        <source>Replied on</source>
        <translation>答复日期</translation>
    </message>
</context>
<context>
    <name>ComplaintsList</name>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="545"/>
        <source>Received</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="547"/>
        <source>Channel</source>
        <translation>投诉渠道</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="548"/>
        <source>From</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="549"/>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="551"/>
        <source>Complaint</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="553"/>
        <source>Verified by</source>
        <translation>核查人</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="555"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="560"/>
        <source>Reply due</source>
        <translation>办理期限</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="566"/>
        <source>Replied on</source>
        <translation>答复日期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="572"/>
        <source>Problems raised</source>
        <translation>发现问题</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="577"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="588"/>
        <location filename="../../gui/pages/rectification/page.py" line="606"/>
        <source>Register complaint…</source>
        <translation>登记投诉…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="590"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="593"/>
        <source>Raise a problem…</source>
        <translation>登记问题…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="596"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="602"/>
        <source>Not answered in time</source>
        <translation>逾期未答复</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="605"/>
        <source>No complaints registered — click “Register complaint…” when one comes in.</source>
        <translation>还没有投诉举报 — 收到时点击“登记投诉…”。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="669"/>
        <source>Delete the complaint about {school} of {day}?</source>
        <translation>删除{day}关于{school}的投诉？</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="672"/>
        <location filename="../../gui/pages/rectification/page.py" line="675"/>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
</context>
<context>
    <name>ComprehensiveVisitDialog</name>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="1026"/>
        <source>Comprehensive inspection of {school}</source>
        <translation>{school}综合督导</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="1031"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="1033"/>
        <source>Inspector</source>
        <translation>督学</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="1037"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="1042"/>
        <source>Principal {name}&apos;s term ends {day}.</source>
        <translation>{name}校长任期于{day}届满。</translation>
    </message>
</context>
<context>
    <name>CountedFormsDialog</name>
    <message>
        <location filename="../../gui/pages/training/forms_dialog.py" line="27"/>
        <source>Forms counted toward the yearly hours</source>
        <translation>计入年度学时的培训形式</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training/forms_dialog.py" line="36"/>
        <source>Count</source>
        <translation>计入</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training/forms_dialog.py" line="39"/>
        <source>The plans name centralized training (集中培训) for the yearly hours; tick other forms only if the office&apos;s rules count them.</source>
        <translation>各地方案规定的年度学时是集中培训学时；本地规定其他形式也计入时，再勾选其他形式。</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="141"/>
        <source>Dashboard</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="149"/>
        <source>The database is empty. Import the office&apos;s sheets from Excel — the schools first, then the inspectors (a blank template shows the columns) — or load the demo office to try the app first. Enter your office&apos;s name under Settings.</source>
        <translation>数据库是空的。请从 Excel 导入本办公室的表格 — 先导入学校名单，再导入督学名单（空白模板列出了各列）— 也可以先装入演示数据试用。办公室名称请在“设置”中填写。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="160"/>
        <source>Import schools…</source>
        <translation>导入学校名单…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="161"/>
        <source>Import inspectors…</source>
        <translation>导入督学名单…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="166"/>
        <source>Blank templates</source>
        <translation>空白模板</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="170"/>
        <source>Schools template…</source>
        <translation>学校名单模板…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="171"/>
        <source>Inspectors template…</source>
        <translation>督学名单模板…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="172"/>
        <source>Training template…</source>
        <translation>培训记录模板…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="176"/>
        <source>Load demo data</source>
        <translation>装入演示数据</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="190"/>
        <source>Visits in the next 7 days</source>
        <translation>未来7天督导</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="191"/>
        <source>Not visited this month</source>
        <translation>本月未督导</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="192"/>
        <source>Visit records missing</source>
        <translation>督导记录未填</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="193"/>
        <source>Overdue rectifications</source>
        <translation>整改逾期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="194"/>
        <source>Problems reported up</source>
        <translation>已上报问题</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="195"/>
        <source>Supervision overdue</source>
        <translation>督办逾期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="196"/>
        <source>Complaints overdue</source>
        <translation>投诉逾期未答复</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="197"/>
        <source>Next evaluation deadline</source>
        <translation>迎检下一节点</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="198"/>
        <source>Overdue archive items</source>
        <translation>逾期档案资料</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="199"/>
        <source>Schools and kindergartens</source>
        <translation>学校（园）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="200"/>
        <source>Inspectors in office</source>
        <translation>在任督学 / 需配备</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="201"/>
        <source>Full-time inspectors</source>
        <translation>专职督学占比</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="202"/>
        <source>Schools without an inspector</source>
        <translation>无责任督学的学校</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="203"/>
        <source>Terms ending soon</source>
        <translation>任期即将届满</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="204"/>
        <source>At the term limit</source>
        <translation>已达连任上限</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="205"/>
        <source>Training hours short</source>
        <translation>培训学时不足</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="206"/>
        <source>Pre-service training missing</source>
        <translation>缺岗前培训</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="207"/>
        <source>Yearly assessments missing</source>
        <translation>年度考核未完成</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="208"/>
        <source>Heavy workloads</source>
        <translation>负责学校过多</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="209"/>
        <source>Due for rotation</source>
        <translation>宜交流</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="210"/>
        <source>Principals&apos; terms ending</source>
        <translation>校（园）长任期将满</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="211"/>
        <source>Next year&apos;s holidays</source>
        <translation>明年节假日安排</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="212"/>
        <source>Zones</source>
        <translation>责任区</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="235"/>
        <source>Print staffing report…</source>
        <translation>打印配备达标情况…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="290"/>
        <source>{office} · {day}</source>
        <translation>{office} · {day}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="296"/>
        <source>{kindergartens} kindergartens, {private} private</source>
        <translation>其中幼儿园 {kindergartens} 所，民办 {private} 所</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="301"/>
        <source>{actual} / {required}</source>
        <translation>{actual} / {required}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="304"/>
        <source>{shortfall} more needed by the staffing ratio</source>
        <translation>按配备比例还缺 {shortfall} 名</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="306"/>
        <source>Staffing meets the ratio</source>
        <translation>配备达到比例要求</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="311"/>
        <source>{count} full-time; at least {minimum:.0%} required</source>
        <translation>专职 {count} 名；要求不低于 {minimum:.0%}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="318"/>
        <source>Assign a responsible inspector</source>
        <translation>请为其确定责任督学</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="320"/>
        <source>Every school is covered</source>
        <translation>每所学校都有责任督学</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/dashboard/page.py" line="325"/>
        <source>Terms ending within %n day(s)</source>
        <translation>
            <numerusform>%n 天内任期届满</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/dashboard/page.py" line="336"/>
        <source>Below %n hour(s) in {year}</source>
        <translation>
            <numerusform>{year} 年不足 %n 学时</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/dashboard/page.py" line="343"/>
        <source>New inspectors below %n pre-service hour(s)</source>
        <translation>
            <numerusform>新任督学岗前培训不足 %n 学时</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/dashboard/page.py" line="361"/>
        <source>Inspectors with more than %n school(s)</source>
        <translation>
            <numerusform>负责学校超过 %n 所的督学</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/dashboard/page.py" line="410"/>
        <source>%n problem(s) not fixed yet</source>
        <translation>
            <numerusform>%n 个问题尚未整改</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/dashboard/page.py" line="416"/>
        <source>{count} serious not reported up within %n day(s)</source>
        <translation>
            <numerusform>其中 {count} 个严重违规或重大问题发现后 %n 天内未报送上级</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="426"/>
        <source>Still not fixed after the new deadline of a supervision notice</source>
        <translation>督办通知的新期限已过仍未整改</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/dashboard/page.py" line="443"/>
        <source>Within %n day(s); {count} without a comprehensive inspection</source>
        <translation>
            <numerusform>%n 天内届满；{count} 所尚未安排综合督导</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/dashboard/page.py" line="482"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/dashboard/page.py" line="490"/>
        <source>%n school(s) lagging behind</source>
        <translation>
            <numerusform>进度滞后学校 %n 所</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="330"/>
        <source>Last allowed term (at most {count} in a row)</source>
        <translation>本届为最后一届（最多连任 {count} 届）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="351"/>
        <source>Assessments of {year}, due by {day}</source>
        <translation>{year}年度考核，{day}前完成</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="366"/>
        <source>Schools with the same inspector for {years} years or more</source>
        <translation>同一督学连续负责满 {years} 年的学校</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="376"/>
        <source>{crowded} over {limit} schools; {unzoned} schools outside any zone</source>
        <translation>{crowded} 个超过 {limit} 所；{unzoned} 所学校未划入责任区</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="380"/>
        <source>Supervision zones</source>
        <translation>督导责任区</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="390"/>
        <source>Planned or confirmed, from today on</source>
        <translation>今日起已计划或已确认的督导</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="394"/>
        <source>School holidays: no routine visits this month</source>
        <translation>寒暑假：本月不安排经常性督导</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="396"/>
        <source>{count} of them have no visit planned this month</source>
        <translation>其中{count}所本月未安排督导</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="403"/>
        <source>Visits this semester whose day has come, without a record</source>
        <translation>本学期已到督导日期但未填写记录的督导</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="421"/>
        <source>Not fixed after the follow-ups, or serious</source>
        <translation>复查后仍未整改或情节严重的问题</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="431"/>
        <source>Not answered within the days for a reply</source>
        <translation>超过办理期限尚未答复</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="448"/>
        <source>Known</source>
        <translation>已确定</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="449"/>
        <source>Provisional</source>
        <translation>暂定</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="450"/>
        <source>Missing</source>
        <translation>未录入</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="454"/>
        <source>{year}: import the State Council&apos;s notice when it is published</source>
        <translation>{year}年：国务院办公厅通知发布后请导入</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="458"/>
        <source>{year}: holidays and swapped working days known</source>
        <translation>{year}年：放假和调休上班日期已确定</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="468"/>
        <location filename="../../gui/pages/dashboard/page.py" line="470"/>
        <source>No evaluation campaign running</source>
        <translation>当前没有进行中的迎检工作</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="476"/>
        <source>{campaign}: every phase deadline has passed</source>
        <translation>{campaign}：各阶段截止日期均已过</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="477"/>
        <source>the running campaign</source>
        <translation>当前迎检工作</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="483"/>
        <source>{campaign}: {phase} by {day}</source>
        <translation>{campaign}：{phase}，{day} 截止</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="492"/>
        <source>No school lagging behind</source>
        <translation>没有进度滞后的学校</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="499"/>
        <source>Load the demo office (about 40 schools and 10 inspectors) into the empty database?</source>
        <translation>要把演示数据（约 40 所学校、10 名督学）装入空数据库吗？</translation>
    </message>
    <message>
        <location filename="../../gui/pages/dashboard/page.py" line="501"/>
        <location filename="../../gui/pages/dashboard/page.py" line="516"/>
        <source>Demo data</source>
        <translation>演示数据</translation>
    </message>
</context>
<context>
    <name>DayCheck</name>
    <message>
        <location filename="../../gui/pages/calendar/visit_dialog.py" line="66"/>
        <source>Check the day</source>
        <translation>请核对这一天</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/visit_dialog.py" line="67"/>
        <source>Schedule it on this day anyway?</source>
        <translation>仍要安排在这一天吗？</translation>
    </message>
</context>
<context>
    <name>DbWorker</name>
    <message>
        <location filename="../../gui/worker.py" line="114"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>EndAssignmentDialog</name>
    <message>
        <location filename="../../gui/pages/inspectors/dialogs.py" line="352"/>
        <source>End assignments of {name}</source>
        <translation>结束 {name} 的挂牌</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/dialogs.py" line="354"/>
        <source>Schools</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/dialogs.py" line="360"/>
        <source>Last day</source>
        <translation>最后一天</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/dialogs.py" line="367"/>
        <source>Tick at least one school.</source>
        <translation>请至少勾选一所学校。</translation>
    </message>
</context>
<context>
    <name>EndTermDialog</name>
    <message>
        <location filename="../../gui/pages/inspectors/dialogs.py" line="197"/>
        <source>End the term of {name}</source>
        <translation>结束 {name} 的任期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/dialogs.py" line="199"/>
        <source>Last day</source>
        <translation>最后一天</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/dialogs.py" line="201"/>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/dialogs.py" line="202"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/dialogs.py" line="204"/>
        <source>The schools this inspector covers will need a new one.</source>
        <translation>该督学负责的学校需另行挂牌。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/dialogs.py" line="218"/>
        <source>These schools now have no responsible inspector:
{schools}</source>
        <translation>以下学校现在没有责任督学：
{schools}</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <location filename="../../gui/pages/rectification/dialogs.py" line="199"/>
        <source>Follow-up: {school}</source>
        <translation>复查：{school}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/dialogs.py" line="205"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/dialogs.py" line="207"/>
        <source>Outcome</source>
        <translation>复查结论</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/dialogs.py" line="208"/>
        <source>Findings</source>
        <translation>发现情况</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/dialogs.py" line="213"/>
        <source>Follow-up no. {number}. Reported to the office on {day}.</source>
        <translation>第{number}次复查。已于{day}向教育督导部门报告。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/dialogs.py" line="216"/>
        <source>Follow-up no. {number}: if the problem is still not fixed, it is reported to the office.</source>
        <translation>第{number}次复查：问题仍未整改的，将向教育督导部门报告。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/dialogs.py" line="221"/>
        <source>Follow-up no. {number}. A problem still not fixed at follow-up no. {count} is reported to the office.</source>
        <translation>第{number}次复查。第{count}次复查时仍未整改的问题将向教育督导部门报告。</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <location filename="../../gui/sheet_actions.py" line="192"/>
        <source>Import preview</source>
        <translation>导入预览</translation>
    </message>
    <message>
        <location filename="../../gui/sheet_actions.py" line="195"/>
        <source>{file}: {summary}</source>
        <translation>{file}：{summary}</translation>
    </message>
    <message>
        <location filename="../../gui/sheet_actions.py" line="200"/>
        <source>New zones: {zones}</source>
        <translation>新增责任区：{zones}</translation>
    </message>
    <message>
        <location filename="../../gui/sheet_actions.py" line="202"/>
        <source>+ row {row}: {name}</source>
        <translation>+ 第 {row} 行：{name}</translation>
    </message>
    <message>
        <location filename="../../gui/sheet_actions.py" line="205"/>
        <source>~ row {row}: {name} — {changes}</source>
        <translation>~ 第 {row} 行：{name} — {changes}</translation>
    </message>
    <message>
        <location filename="../../gui/sheet_actions.py" line="209"/>
        <source>Nothing to change.</source>
        <translation>没有需要更改的内容。</translation>
    </message>
</context>
<context>
    <name>IndicatorsDialog</name>
    <message>
        <location filename="../../gui/pages/archives/scoring_view.py" line="362"/>
        <source>Evaluation sheet</source>
        <translation>评估表</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/scoring_view.py" line="366"/>
        <source>Scores stay with indicators whose group and name stay; indicators removed or renamed lose their scores.</source>
        <translation>分组和名称不变的指标保留原有得分；删除或改名的指标，其得分将被清除。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/scoring_view.py" line="374"/>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/scoring_view.py" line="375"/>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/scoring_view.py" line="376"/>
        <source>Maximum</source>
        <translation>最高分</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/scoring_view.py" line="377"/>
        <source>Minimum</source>
        <translation>最低分</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/scoring_view.py" line="382"/>
        <source>Add indicator</source>
        <translation>添加指标</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/scoring_view.py" line="382"/>
        <source>Add indicator below</source>
        <translation>在下方添加指标</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/scoring_view.py" line="387"/>
        <source>Fill in the 100-point school sheet</source>
        <translation>填入学校100分评估表</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/scoring_view.py" line="401"/>
        <source>{count} indicators, full marks {marks}</source>
        <translation>共 {count} 项指标，满分 {marks}</translation>
    </message>
</context>
<context>
    <name>InspectionItemsDialog</name>
    <message>
        <location filename="../../gui/pages/records/record_dialog.py" line="226"/>
        <source>Main inspection items</source>
        <translation>主要督导事项</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/record_dialog.py" line="230"/>
        <source>The items offered on every visit record. Double-click an item to rename it; records already filed keep their items as they were.</source>
        <translation>每份督导记录中可选的事项。双击事项可重命名；已填报的记录保留原有事项。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/record_dialog.py" line="247"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/record_dialog.py" line="248"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/record_dialog.py" line="249"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/record_dialog.py" line="250"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/record_dialog.py" line="251"/>
        <source>Restore defaults</source>
        <translation>恢复默认</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/record_dialog.py" line="276"/>
        <source>New item</source>
        <translation>新增事项</translation>
    </message>
</context>
<context>
    <name>InspectorDialog</name>
    <message>
        <location filename="../../gui/pages/inspectors/dialogs.py" line="54"/>
        <source>Add inspector</source>
        <translation>新增督学</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/dialogs.py" line="54"/>
        <source>Edit inspector</source>
        <translation>编辑督学</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/dialogs.py" line="59"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/dialogs.py" line="60"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/dialogs.py" line="62"/>
        <source>Full/part time</source>
        <translation>专/兼职</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/dialogs.py" line="64"/>
        <source>Unit</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/dialogs.py" line="65"/>
        <source>Post</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/dialogs.py" line="66"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/dialogs.py" line="67"/>
        <source>Mobile 13812345678 or landline 0738-6123456</source>
        <translation>手机 13812345678 或固话 0738-6123456</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/dialogs.py" line="68"/>
        <source>Certificate no.</source>
        <translation>督学证号</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/dialogs.py" line="70"/>
        <source>Education</source>
        <translation>学历</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/dialogs.py" line="70"/>
        <location filename="../../gui/pages/inspectors/dialogs.py" line="76"/>
        <source>(not recorded)</source>
        <translation>（未填写）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/dialogs.py" line="73"/>
        <source>Years in teaching or management</source>
        <translation>教育教学或管理经历（年）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/dialogs.py" line="78"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/dialogs.py" line="80"/>
        <source>Appoint now, term starting</source>
        <translation>同时任命，任期自</translation>
    </message>
</context>
<context>
    <name>InspectorsPage</name>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="280"/>
        <source>{serving} in office ({full} full-time) · about {ratio} schools each</source>
        <translation>在任 {serving} 名（专职 {full} 名）· 每名督学约负责 {ratio} 所学校</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="194"/>
        <location filename="../../gui/pages/inspectors/page.py" line="305"/>
        <source>Select an inspector to see their details.</source>
        <translation>选择一名督学，查看其任期、挂牌学校和回避情况。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="76"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="77"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="78"/>
        <source>Full/part time</source>
        <translation>专/兼职</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="80"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="84"/>
        <source>Unit</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="85"/>
        <source>Post</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="86"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="87"/>
        <source>Term from</source>
        <translation>本届任期起</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="89"/>
        <source>Term ends</source>
        <translation>任期届满</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="95"/>
        <source>Consecutive terms</source>
        <translation>连任届数</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="102"/>
        <location filename="../../gui/pages/inspectors/page.py" line="135"/>
        <source>Schools</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="108"/>
        <source>Certificate no.</source>
        <translation>督学证号</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="116"/>
        <location filename="../../gui/pages/inspectors/page.py" line="149"/>
        <source>Add inspector…</source>
        <translation>新增督学…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="118"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="121"/>
        <source>Photo…</source>
        <translation>照片…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="124"/>
        <location filename="../../gui/pages/inspectors/page.py" line="233"/>
        <source>Terms</source>
        <translation>任期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="126"/>
        <source>Appoint…</source>
        <translation>任命…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="127"/>
        <source>Record assessment…</source>
        <translation>任期考核…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="128"/>
        <source>Yearly assessment…</source>
        <translation>年度考核…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="129"/>
        <source>Renew…</source>
        <translation>续聘…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="130"/>
        <source>End term…</source>
        <translation>结束任期…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="131"/>
        <source>General re-appointment…</source>
        <translation>批量换届…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="137"/>
        <source>Assign schools…</source>
        <translation>挂牌学校…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="138"/>
        <source>End assignments…</source>
        <translation>结束挂牌…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="139"/>
        <source>Recusal…</source>
        <translation>回避…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="145"/>
        <source>No inspectors yet — click “Add inspector…” or import the roster from Excel (a blank template shows the columns).</source>
        <translation>还没有督学 — 点击“新增督学…”，或从 Excel 导入督学名单（空白模板列出了各列）。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="150"/>
        <source>Import from Excel…</source>
        <translation>从 Excel 导入…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="151"/>
        <source>Blank template…</source>
        <translation>空白模板…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="155"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="157"/>
        <source>Roster…</source>
        <translation>督学花名册…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="158"/>
        <source>Terms ending…</source>
        <translation>任期届满提醒…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="163"/>
        <source>In office</source>
        <translation>在任</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="166"/>
        <source>Full-time, in office</source>
        <translation>在任专职督学</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="170"/>
        <source>Term ending soon</source>
        <translation>任期即将届满</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="173"/>
        <source>At the term limit</source>
        <translation>已达连任上限</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="175"/>
        <source>Too many schools</source>
        <translation>负责学校过多</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="177"/>
        <source>Last year&apos;s assessment missing</source>
        <translation>缺上年度考核</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="179"/>
        <source>Not in office</source>
        <translation>不在任</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="199"/>
        <location filename="../../gui/pages/inspectors/page.py" line="208"/>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="200"/>
        <location filename="../../gui/pages/inspectors/page.py" line="209"/>
        <source>To</source>
        <translation>止</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="201"/>
        <source>Outcome</source>
        <translation>考核结果</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="207"/>
        <location filename="../../gui/pages/inspectors/page.py" line="216"/>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="209"/>
        <source>now</source>
        <translation>至今</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="217"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="218"/>
        <source>Since</source>
        <translation>自</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="225"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="226"/>
        <source>Result</source>
        <translation>考核结果</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="227"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="228"/>
        <source>Assessed by</source>
        <translation>考核单位</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="234"/>
        <source>Schools covered</source>
        <translation>挂牌记录</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="239"/>
        <source>Yearly assessments</source>
        <translation>年度考核</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="241"/>
        <source>Delete recusal</source>
        <translation>删除回避</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="248"/>
        <source>Recusals</source>
        <translation>回避</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="330"/>
        <source>No photo</source>
        <translation>无照片</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="358"/>
        <source>Choose a photo</source>
        <translation>选择照片</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="358"/>
        <source>Images (*.png *.jpg *.jpeg *.bmp)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.bmp)</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="110"/>
        <location filename="../../gui/pages/inspectors/page.py" line="364"/>
        <source>Inspectors</source>
        <translation>督学</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/inspectors/page.py" line="317"/>
        <source>{name} · {status} · %n school(s)</source>
        <translation>
            <numerusform>{name} · {status} · 负责 %n 所学校</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="432"/>
        <source>Delete the recusal from {school}?</source>
        <translation>删除对“{school}”的回避登记？</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/page.py" line="433"/>
        <source>Recusal</source>
        <translation>回避</translation>
    </message>
</context>
<context>
    <name>ItemsDialog</name>
    <message>
        <location filename="../../gui/pages/archives/dialogs.py" line="415"/>
        <source>Checklist item</source>
        <translation>清单项目</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/archives/dialogs.py" line="415"/>
        <source>Change %n item(s)</source>
        <translation>
            <numerusform>批量修改 %n 个项目</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/dialogs.py" line="424"/>
        <source>Tick the fields to change; the others stay as they are.</source>
        <translation>勾选要修改的栏目，未勾选的保持不变。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/dialogs.py" line="428"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/dialogs.py" line="429"/>
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/dialogs.py" line="430"/>
        <source>Due date</source>
        <translation>完成期限</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/dialogs.py" line="431"/>
        <source>Box number</source>
        <translation>盒号</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/dialogs.py" line="432"/>
        <source>Location</source>
        <translation>存放位置</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/dialogs.py" line="435"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/dialogs.py" line="459"/>
        <source>Evidence: {text}</source>
        <translation>佐证材料：{text}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/dialogs.py" line="460"/>
        <source>Required</source>
        <translation>必备</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/dialogs.py" line="460"/>
        <source>Optional</source>
        <translation>可选项</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/dialogs.py" line="462"/>
        <source>kept {period}</source>
        <translation>保管期限：{period}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/dialogs.py" line="467"/>
        <source>change</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/dialogs.py" line="468"/>
        <source>Tick to change this field</source>
        <translation>勾选表示修改此项</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/dialogs.py" line="529"/>
        <source>Tick at least one field to change.</source>
        <translation>请至少勾选一项要修改的内容。</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <location filename="../../gui/widgets/list_page.py" line="108"/>
        <source>Type to filter…</source>
        <translation>输入文字筛选…</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/list_page.py" line="111"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/list_page.py" line="136"/>
        <source>Nothing here yet.</source>
        <translation>这里还没有内容。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/list_page.py" line="351"/>
        <source>{shown} of {total}</source>
        <translation>{shown} / 共 {total}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/list_page.py" line="355"/>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/list_page.py" line="360"/>
        <source>No row matches the filters.</source>
        <translation>没有符合筛选条件的行。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/list_page.py" line="361"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py" line="65"/>
        <location filename="../../gui/main_window.py" line="266"/>
        <source>Supervision Desk</source>
        <translation>督导工作台</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="101"/>
        <location filename="../../gui/main_window.py" line="267"/>
        <source>Database: {path}</source>
        <translation>数据库：{path}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="109"/>
        <source>Schools</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="110"/>
        <source>Inspectors</source>
        <translation>督学</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="111"/>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="112"/>
        <source>Visit calendar</source>
        <translation>督导日历</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="113"/>
        <source>Visit records</source>
        <translation>督导记录</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="116"/>
        <source>Rectification</source>
        <translation>整改</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="121"/>
        <source>Evaluation archives</source>
        <translation>迎检档案</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="124"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="108"/>
        <source>Dashboard</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="125"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="138"/>
        <source>&amp;Back up database…</source>
        <translation>备份数据库(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="140"/>
        <source>&amp;Restore from backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="142"/>
        <source>Open &amp;data folder</source>
        <translation>打开数据文件夹(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="146"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="149"/>
        <source>&amp;About Supervision Desk</source>
        <translation>关于督导工作台(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="153"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="157"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="174"/>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="192"/>
        <source>The daily backup failed: {error}</source>
        <translation>今日自动备份失败：{error}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="201"/>
        <source>Supervision Desk backup {date}.db</source>
        <translation>督导工作台备份-{date}.db</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="204"/>
        <location filename="../../gui/main_window.py" line="215"/>
        <source>Back up database</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="204"/>
        <location filename="../../gui/main_window.py" line="227"/>
        <source>Database files (*.db)</source>
        <translation>数据库文件 (*.db)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="212"/>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="213"/>
        <source>The database was copied to:
{path}</source>
        <translation>数据库已备份到：
{path}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="227"/>
        <location filename="../../gui/main_window.py" line="235"/>
        <location filename="../../gui/main_window.py" line="241"/>
        <location filename="../../gui/main_window.py" line="249"/>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="232"/>
        <source>Replace all current data with the backup
{path}?

A safety copy of the current data is saved first.</source>
        <translation>要用备份
{path}
替换当前的全部数据吗？

恢复前会先自动保存一份当前数据。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="242"/>
        <source>The data was restored. The previous data was saved to:
{path}</source>
        <translation>数据已恢复。恢复前的数据保存在：
{path}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="246"/>
        <source>The data was restored.</source>
        <translation>数据已恢复。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="264"/>
        <source>Roster, visit calendar, rectification and reports for an education supervision office.</source>
        <translation>教育督导办公室的督学名册、督导日历、整改跟踪和报表。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="274"/>
        <source>About Supervision Desk</source>
        <translation>关于督导工作台</translation>
    </message>
</context>
<context>
    <name>MonthGrid</name>
    <message>
        <location filename="../../gui/pages/calendar/month_grid.py" line="249"/>
        <source>MMMM yyyy</source>
        <translation>yyyy 年 M 月</translation>
    </message>
</context>
<context>
    <name>NoticeDialog</name>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="379"/>
        <source>The State Council&apos;s holiday notice</source>
        <translation>导入国务院节假日安排通知</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="382"/>
        <source>Paste the whole text of the notice (国务院办公厅关于{year}年部分节假日安排的通知). Check reads it and lists what it found; nothing is saved until you press Save, and nothing at all when a part of it cannot be read.</source>
        <translation>请粘贴通知全文（国务院办公厅关于{year}年部分节假日安排的通知）。“检查”会识别并列出放假和调休上班日期；点“保存”才会保存，只要有一处无法识别，就什么也不保存。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="393"/>
        <source>Year from the title</source>
        <translation>按通知标题中的年份</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="394"/>
        <source>Year </source>
        <translation>年份 </translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="397"/>
        <source>Festival</source>
        <translation>节日</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="398"/>
        <source>Days off</source>
        <translation>放假日期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="399"/>
        <source>Swapped working days</source>
        <translation>调休上班日期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="406"/>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="407"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="433"/>
        <source>{month}/{day}</source>
        <translation>{month}月{day}日</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="434"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="440"/>
        <source>{year}: {holidays} days off, {workdays} swapped working days.</source>
        <translation>{year}年：放假 {holidays} 天，调休上班 {workdays} 天。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="444"/>
        <source>Cannot be read, so nothing will be saved:</source>
        <translation>以下内容无法识别，因此不会保存：</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="447"/>
        <source>Saved: the year&apos;s holidays are complete.</source>
        <translation>已保存：该年度节假日安排已完整。</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message numerus="yes">
        <location filename="../../gui/pdf_preview.py" line="105"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>共 %n 页</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/pdf_preview.py" line="106"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../gui/pdf_preview.py" line="107"/>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../gui/pdf_preview.py" line="108"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../gui/pdf_preview.py" line="146"/>
        <source>Printing {title}</source>
        <translation>正在打印{title}</translation>
    </message>
    <message>
        <location filename="../../gui/pdf_preview.py" line="166"/>
        <location filename="../../gui/pdf_preview.py" line="176"/>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../gui/pdf_preview.py" line="177"/>
        <source>Could not save {path}: {error}</source>
        <translation>无法保存 {path}：{error}</translation>
    </message>
    <message>
        <location filename="../../gui/pdf_preview.py" line="244"/>
        <source>Page {number} of {total}</source>
        <translation>第 {number}/{total} 页</translation>
    </message>
</context>
<context>
    <name>PlanResultDialog</name>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="698"/>
        <source>Month plan</source>
        <translation>月度计划</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="699"/>
        <source>{0}-{1:02d}: {2} visit(s) planned, {3} earlier plan(s) replaced.</source>
        <translation>{0}年{1:02d}月：已安排{2}项督导，替换原有计划{3}项。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="704"/>
        <source>The month lies mostly in the school holidays: no routine visits.</source>
        <translation>本月主要在寒暑假中，不安排经常性督导。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="708"/>
        <source>Note: {notice}.</source>
        <translation>注意：{notice}。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="710"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="711"/>
        <source>{zone}: {inspector} {days} / {required} day(s)</source>
        <translation>{zone}：{inspector} {days} / {required} 天</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="717"/>
        <source>Days at the zone still short (no free day left): {list}</source>
        <translation>到责任区督导天数仍不足（本月已无可安排的日子）：{list}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/calendar/page.py" line="721"/>
        <source>%n school(s) could not be placed:</source>
        <translation>
            <numerusform>%n 所学校未能安排：</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="726"/>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/page.py" line="727"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>ProblemDialog</name>
    <message>
        <location filename="../../gui/pages/rectification/dialogs.py" line="104"/>
        <source>Register a problem</source>
        <translation>登记问题</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/dialogs.py" line="104"/>
        <source>Edit problem</source>
        <translation>编辑问题</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/dialogs.py" line="115"/>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/dialogs.py" line="121"/>
        <source>Found on</source>
        <translation>发现日期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/dialogs.py" line="123"/>
        <source>Category</source>
        <translation>问题类别</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/dialogs.py" line="124"/>
        <source>Problem</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/dialogs.py" line="126"/>
        <source>Requirement</source>
        <translation>整改要求</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/dialogs.py" line="129"/>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/dialogs.py" line="131"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>ProblemList</name>
    <message numerus="yes">
        <location filename="../../gui/dialogs.py" line="240"/>
        <source>%n problem(s) in all.</source>
        <translation>
            <numerusform>共 %n 个问题。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="248"/>
        <source>Copy all</source>
        <translation>全部复制</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="249"/>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="279"/>
        <location filename="../../gui/dialogs.py" line="288"/>
        <location filename="../../gui/dialogs.py" line="290"/>
        <source>Save the problems</source>
        <translation>保存问题清单</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="281"/>
        <source>Excel (*.xlsx);;Text (*.txt)</source>
        <translation>Excel 表格 (*.xlsx);;文本文件 (*.txt)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="290"/>
        <source>Saved to
{path}</source>
        <translation>已保存到
{path}</translation>
    </message>
</context>
<context>
    <name>ProfileBox</name>
    <message>
        <location filename="../../gui/pages/settings/profile_box.py" line="41"/>
        <source>Rules profile</source>
        <translation>规则方案</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings/profile_box.py" line="53"/>
        <source>Fill in the form</source>
        <translation>填入表单</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings/profile_box.py" line="55"/>
        <source>Import profile…</source>
        <translation>导入方案…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings/profile_box.py" line="57"/>
        <source>Export profile…</source>
        <translation>导出方案…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings/profile_box.py" line="60"/>
        <source>Profile</source>
        <translation>方案</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings/profile_box.py" line="84"/>
        <source>Started from: {name} — {source}</source>
        <translation>起始方案：{name}——{source}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings/profile_box.py" line="94"/>
        <source>No setting differs from it.</source>
        <translation>与之相比没有改动。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings/profile_box.py" line="97"/>
        <source>Changed from it: {changes}</source>
        <translation>与之不同：{changes}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings/profile_box.py" line="107"/>
        <source>Import a rules profile</source>
        <translation>导入规则方案</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings/profile_box.py" line="115"/>
        <source>Profile not imported</source>
        <translation>方案未导入</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings/profile_box.py" line="116"/>
        <source>Nothing was changed. The file has these problems:
{problems}</source>
        <translation>没有改动任何设置。文件有以下问题：
{problems}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings/profile_box.py" line="124"/>
        <source>Rule profiles (*.json)</source>
        <translation>规则方案 (*.json)</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings/profile_box.py" line="131"/>
        <source>Export the rules as a profile</source>
        <translation>将规则导出为方案</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings/profile_box.py" line="132"/>
        <source>{name} rules.json</source>
        <translation>{name}规则方案.json</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings/profile_box.py" line="142"/>
        <location filename="../../gui/pages/settings/profile_box.py" line="149"/>
        <source>Profile not exported</source>
        <translation>方案未导出</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings/profile_box.py" line="143"/>
        <source>Please correct the rules first:
{problems}</source>
        <translation>请先改正规则：
{problems}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings/profile_box.py" line="153"/>
        <source>Profile exported</source>
        <translation>方案已导出</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings/profile_box.py" line="154"/>
        <source>The rules were saved to {path}.</source>
        <translation>规则已保存到 {path}。</translation>
    </message>
</context>
<context>
    <name>ProgressTab</name>
    <message>
        <location filename="../../gui/pages/archives/progress_tab.py" line="112"/>
        <source>Print campaign progress</source>
        <translation>打印迎检进度</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/progress_tab.py" line="122"/>
        <location filename="../../gui/pages/archives/progress_tab.py" line="197"/>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/progress_tab.py" line="123"/>
        <source>Zone</source>
        <translation>责任区</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/progress_tab.py" line="124"/>
        <source>Required</source>
        <translation>必备项数</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/progress_tab.py" line="125"/>
        <location filename="../../gui/pages/archives/progress_tab.py" line="180"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/progress_tab.py" line="127"/>
        <location filename="../../gui/pages/archives/progress_tab.py" line="177"/>
        <source>Percent</source>
        <translation>完成率</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/progress_tab.py" line="130"/>
        <location filename="../../gui/pages/archives/progress_tab.py" line="185"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/progress_tab.py" line="137"/>
        <source>Lagging</source>
        <translation>滞后</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/progress_tab.py" line="138"/>
        <source>lagging</source>
        <translation>滞后</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/progress_tab.py" line="149"/>
        <source>Double-click a school to see its checklist.</source>
        <translation>双击学校可查看其档案资料清单。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/progress_tab.py" line="170"/>
        <location filename="../../gui/pages/archives/progress_tab.py" line="409"/>
        <source>Weekly dispatch</source>
        <translation>周调度</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/progress_tab.py" line="171"/>
        <source>Take snapshot today</source>
        <translation>记录今日进度</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/progress_tab.py" line="175"/>
        <source>Taken on</source>
        <translation>记录日期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/progress_tab.py" line="186"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/progress_tab.py" line="199"/>
        <source>Then</source>
        <translation>当时</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/progress_tab.py" line="205"/>
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/progress_tab.py" line="211"/>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/progress_tab.py" line="218"/>
        <source>Overdue then/now</source>
        <translation>逾期（当时→现在）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/progress_tab.py" line="241"/>
        <source>Monthly bulletin for</source>
        <translation>月通报月份</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/progress_tab.py" line="271"/>
        <source>No campaign yet</source>
        <translation>尚无迎检工作</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/progress_tab.py" line="280"/>
        <source>Overall {percent} ({done} of {required} required items)</source>
        <translation>总体完成{percent}（必备项{required}项，已完成{done}项）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/archives/progress_tab.py" line="306"/>
        <source>%n day(s) left</source>
        <translation>
            <numerusform>还剩 %n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/archives/progress_tab.py" line="317"/>
        <source>%n school(s) lagging: {names}</source>
        <translation>
            <numerusform>%n 所学校进度滞后：{names}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/progress_tab.py" line="358"/>
        <source>Take a snapshot each week; choose one to compare it with today.</source>
        <translation>每周记录一次进度；选中某次记录，可与今日进度对比。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/progress_tab.py" line="364"/>
        <source>Since {day}: {moved} schools moved</source>
        <translation>自{day}以来：{moved}所学校进度有变化</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/progress_tab.py" line="384"/>
        <source>{year}-{month:02d}: {percent} complete; {done} items completed this month; {complete} of {schools} schools complete; {overdue} items overdue.</source>
        <translation>{year}年{month:02d}月：总体完成{percent}；本月完成{done}项；{schools}所学校中{complete}所已全部完成；逾期{overdue}项。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/progress_tab.py" line="397"/>
        <source>Lagging: {names}</source>
        <translation>进度滞后：{names}</translation>
    </message>
</context>
<context>
    <name>RecheckDialog</name>
    <message>
        <location filename="../../gui/pages/rectification/dialogs.py" line="356"/>
        <source>Re-check visit: {school}</source>
        <translation>安排回头看：{school}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/dialogs.py" line="359"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/dialogs.py" line="363"/>
        <source>Inspector</source>
        <translation>督学</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/dialogs.py" line="364"/>
        <source>The school&apos;s responsible inspector</source>
        <translation>该校责任督学</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../../gui/pages/records/record_dialog.py" line="103"/>
        <source>Visit record</source>
        <translation>督导记录</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/record_dialog.py" line="110"/>
        <source>Visit</source>
        <translation>督导</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/record_dialog.py" line="111"/>
        <source>Filed on</source>
        <translation>归档日期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/record_dialog.py" line="121"/>
        <source>No longer on the office&apos;s list; kept from this record</source>
        <translation>已不在督导室事项清单中，本记录予以保留</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/record_dialog.py" line="125"/>
        <source>Main inspection items</source>
        <translation>主要督导事项</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/record_dialog.py" line="126"/>
        <source>Methods</source>
        <translation>督导方式</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/record_dialog.py" line="127"/>
        <source>Six minimums</source>
        <translation>六个至少</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/record_dialog.py" line="135"/>
        <source>Findings</source>
        <translation>发现情况</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/record_dialog.py" line="136"/>
        <source>Problems</source>
        <translation>存在问题</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/record_dialog.py" line="137"/>
        <source>Advice</source>
        <translation>意见建议</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/record_dialog.py" line="138"/>
        <source>Feedback on site</source>
        <translation>现场反馈</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/record_dialog.py" line="185"/>
        <source>Inspector: {name}</source>
        <translation>督学：{name}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/record_dialog.py" line="187"/>
        <source>With: {names}</source>
        <translation>同行人员：{names}</translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message>
        <location filename="../../gui/pages/records/page.py" line="79"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/page.py" line="80"/>
        <location filename="../../gui/pages/records/page.py" line="213"/>
        <location filename="../../gui/pages/records/page.py" line="289"/>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/page.py" line="81"/>
        <location filename="../../gui/pages/records/page.py" line="214"/>
        <location filename="../../gui/pages/records/page.py" line="290"/>
        <source>Zone</source>
        <translation>责任区</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/page.py" line="82"/>
        <location filename="../../gui/pages/records/page.py" line="273"/>
        <source>Inspector</source>
        <translation>督学</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/page.py" line="83"/>
        <source>Companions</source>
        <translation>同行人员</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/page.py" line="84"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/page.py" line="85"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/page.py" line="87"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/page.py" line="88"/>
        <source>Filled in</source>
        <translation>已填写</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/page.py" line="88"/>
        <source>Missing</source>
        <translation>未填写</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/page.py" line="92"/>
        <location filename="../../gui/pages/records/page.py" line="444"/>
        <source>Filed on</source>
        <translation>归档日期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/page.py" line="97"/>
        <source>Filed more than {days} days after the visit</source>
        <translation>督导后超过{days}天才填写</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/page.py" line="103"/>
        <location filename="../../gui/pages/records/page.py" line="205"/>
        <source>Visit records</source>
        <translation>督导记录</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/page.py" line="110"/>
        <source>Fill in record…</source>
        <translation>填写记录…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/page.py" line="113"/>
        <source>Register problem…</source>
        <translation>登记问题…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/page.py" line="116"/>
        <source>Print record form…</source>
        <translation>打印记录表…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/page.py" line="118"/>
        <source>Blank record form…</source>
        <translation>空白记录表…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/page.py" line="119"/>
        <source>Inspection items…</source>
        <translation>督导事项…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/page.py" line="122"/>
        <source>Record missing</source>
        <translation>记录未填</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/page.py" line="124"/>
        <source>Record filled in</source>
        <translation>记录已填</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/page.py" line="127"/>
        <source>No visit of this period is due a record — choose a longer period above, or plan visits on the Visit calendar page.</source>
        <translation>这段时间没有需要填写记录的督导 — 可在上方选择更长的时间段，或在“督导日历”中安排督导。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/page.py" line="146"/>
        <source>This semester</source>
        <translation>本学期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/page.py" line="147"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/page.py" line="148"/>
        <source>This year</source>
        <translation>本年度</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/page.py" line="149"/>
        <source>From – to</source>
        <translation>起止日期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/page.py" line="163"/>
        <source>Period</source>
        <translation>时间范围</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/page.py" line="206"/>
        <source>Coverage</source>
        <translation>覆盖情况</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/page.py" line="215"/>
        <location filename="../../gui/pages/records/page.py" line="291"/>
        <source>Responsible inspector</source>
        <translation>责任督学</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/page.py" line="217"/>
        <source>Routine done</source>
        <translation>常规已完成</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/page.py" line="224"/>
        <source>Planned</source>
        <translation>已计划</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/page.py" line="230"/>
        <source>Required</source>
        <translation>应督导</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/page.py" line="236"/>
        <location filename="../../gui/pages/records/page.py" line="439"/>
        <source>Six minimums</source>
        <translation>六个至少</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/page.py" line="240"/>
        <source>Not asked</source>
        <translation>不要求</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/page.py" line="247"/>
        <source>Still missing</source>
        <translation>尚缺</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/page.py" line="249"/>
        <source>All six missing</source>
        <translation>六项均未落实</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/page.py" line="260"/>
        <source>Only schools short of routine visits or of the six minimums</source>
        <translation>仅显示经常性督导次数不足或“六个至少”未落实的学校</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/page.py" line="275"/>
        <source>Visits planned</source>
        <translation>计划督导次数</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/page.py" line="277"/>
        <source>Visits done</source>
        <translation>已督导次数</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/page.py" line="279"/>
        <source>Responsible schools visited</source>
        <translation>已督导责任学校</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/page.py" line="293"/>
        <source>Next planned visit</source>
        <translation>下次计划督导</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/page.py" line="294"/>
        <source>None planned</source>
        <translation>暂无计划</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/page.py" line="303"/>
        <source>Semester per school</source>
        <translation>各校本学期情况</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/page.py" line="307"/>
        <source>Inspectors this month</source>
        <translation>本月督学情况</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/page.py" line="308"/>
        <source>Not visited this month</source>
        <translation>本月未督导</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/page.py" line="380"/>
        <source>{first} to {last}: {count} visits due a record, {filed} filled in, {missing} missing</source>
        <translation>{first}至{last}：应填记录{count}次，已填{filed}次，未填{missing}次</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/page.py" line="393"/>
        <source>{semester} ({start} to {end}): {short} of {count} schools short of routine visits, {six} with some of the six minimums missing; {unvisited} schools not visited yet this month</source>
        <translation>{semester}（{start}至{end}）：{count}所学校中{short}所经常性督导次数不足，{six}所“六个至少”未全部落实；本月尚有{unvisited}所学校未督导</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/page.py" line="424"/>
        <source>Select a visit to see its record.</source>
        <translation>请选择督导以查看记录。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/page.py" line="428"/>
        <source>No record yet. Double-click to fill it in.</source>
        <translation>尚未填写记录，双击即可填写。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/page.py" line="437"/>
        <source>Main inspection items</source>
        <translation>主要督导事项</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/page.py" line="438"/>
        <source>Methods</source>
        <translation>督导方式</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/page.py" line="440"/>
        <source>Findings</source>
        <translation>发现情况</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/page.py" line="441"/>
        <source>Problems</source>
        <translation>存在问题</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/page.py" line="442"/>
        <source>Advice</source>
        <translation>意见建议</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/page.py" line="443"/>
        <source>Feedback on site</source>
        <translation>现场反馈</translation>
    </message>
    <message>
        <location filename="../../gui/pages/records/page.py" line="446"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
</context>
<context>
    <name>RectificationPage</name>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="97"/>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="98"/>
        <source>Found on</source>
        <translation>发现日期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="100"/>
        <source>Category</source>
        <translation>问题类别</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="106"/>
        <source>Problem</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="110"/>
        <source>Requirement</source>
        <translation>整改要求</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="112"/>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="118"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="123"/>
        <source>Follow-ups</source>
        <translation>复查记录</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="125"/>
        <source>Notice no.</source>
        <translation>通知书文号</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="126"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="127"/>
        <source>Responsible inspector</source>
        <translation>责任督学</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="128"/>
        <source>Zone</source>
        <translation>责任区</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="130"/>
        <location filename="../../gui/pages/rectification/page.py" line="495"/>
        <location filename="../../gui/pages/rectification/page.py" line="499"/>
        <location filename="../../gui/pages/rectification/page.py" line="514"/>
        <location filename="../../gui/pages/rectification/page.py" line="517"/>
        <location filename="../../gui/pages/rectification/page.py" line="526"/>
        <location filename="../../gui/pages/rectification/page.py" line="530"/>
        <source>Rectification</source>
        <translation>整改</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="140"/>
        <location filename="../../gui/pages/rectification/page.py" line="175"/>
        <source>Register problem…</source>
        <translation>登记问题…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="142"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="145"/>
        <source>Follow-up…</source>
        <translation>复查…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="148"/>
        <source>Verify and close…</source>
        <translation>销号…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="151"/>
        <source>Report to office…</source>
        <translation>向教育督导部门报告…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="154"/>
        <source>Plan re-check…</source>
        <translation>安排回头看…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="157"/>
        <source>Rectification notice…</source>
        <translation>整改通知书…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="160"/>
        <source>Supervision, talks, accountability…</source>
        <translation>督办、约谈、问责…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="163"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="167"/>
        <source>Not yet fixed</source>
        <translation>未整改</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="168"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="169"/>
        <source>Reported to the office</source>
        <translation>已向教育督导部门报告</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="172"/>
        <source>No problems registered — click “Register problem…”, or register what a visit found from its record on the Visit records page.</source>
        <translation>还没有整改问题 — 点击“登记问题…”，或在“督导记录”中从某次督导的记录登记发现的问题。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="178"/>
        <source>Supervision overdue</source>
        <translation>督办逾期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="181"/>
        <source>Fixed, to verify</source>
        <translation>已整改待核查</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="202"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="203"/>
        <source>Event</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="216"/>
        <source>Delete follow-up</source>
        <translation>删除复查记录</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="224"/>
        <source>Delete step</source>
        <translation>删除此步</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="252"/>
        <source>Problems</source>
        <translation>存在问题</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="253"/>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="296"/>
        <source>{open} not yet fixed · {overdue} overdue · {escalated} reported</source>
        <translation>未整改{open}项 · 逾期{overdue}项 · 已上报{escalated}项</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="306"/>
        <source>{status}, overdue</source>
        <translation>{status}，已逾期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="340"/>
        <source>Select a problem to see its trail.</source>
        <translation>请选择问题以查看整改过程。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="347"/>
        <source>{school} · {category} · {status}</source>
        <translation>{school} · {category} · {status}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="354"/>
        <source>{requirement}, deadline {deadline}</source>
        <translation>{requirement}，整改期限{deadline}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="360"/>
        <source>Notice {number}, reply due {day}</source>
        <translation>通知书{number}，{day}前回复</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="416"/>
        <source>Verify and close: {school}</source>
        <translation>销号：{school}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="417"/>
        <source>Closed on</source>
        <translation>销号日期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="431"/>
        <source>Report to the office: {school}</source>
        <translation>向教育督导部门报告：{school}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="432"/>
        <source>Reported on</source>
        <translation>上报日期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="459"/>
        <source>Rectification notice: {school}</source>
        <translation>整改通知书：{school}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="460"/>
        <source>Notice date</source>
        <translation>发文日期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="494"/>
        <source>Delete the step of {day}?</source>
        <translation>删除 {day} 的这一步？</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="511"/>
        <source>Delete the problem at {school} and its follow-ups?</source>
        <translation>确定删除{school}的该问题及其复查记录？</translation>
    </message>
    <message>
        <location filename="../../gui/pages/rectification/page.py" line="525"/>
        <source>Delete the follow-up of {day}?</source>
        <translation>确定删除{day}的复查记录？</translation>
    </message>
</context>
<context>
    <name>RecusalDialog</name>
    <message>
        <location filename="../../gui/pages/inspectors/dialogs.py" line="385"/>
        <source>Recusal of {name}</source>
        <translation>{name} 的回避</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/dialogs.py" line="387"/>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/dialogs.py" line="391"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/dialogs.py" line="393"/>
        <source>e.g. former principal there; a relative works there</source>
        <translation>如：曾任该校校长；亲属在该校工作</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/dialogs.py" line="395"/>
        <source>Since</source>
        <translation>自</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/dialogs.py" line="401"/>
        <source>Choose a school from the list.</source>
        <translation>请从列表中选择学校。</translation>
    </message>
</context>
<context>
    <name>RenewDialog</name>
    <message>
        <location filename="../../gui/pages/inspectors/dialogs.py" line="176"/>
        <source>Renew {name}</source>
        <translation>续聘 {name}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/dialogs.py" line="179"/>
        <source>Assessment</source>
        <translation>任期考核</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/dialogs.py" line="179"/>
        <source>(as recorded)</source>
        <translation>（按已记录的考核）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/dialogs.py" line="181"/>
        <source>New term starts</source>
        <translation>新任期开始</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../gui/pages/reports/page.py" line="83"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../gui/pages/reports/page.py" line="111"/>
        <source>No school has problems to rectify</source>
        <translation>暂无学校有待整改问题</translation>
    </message>
    <message>
        <location filename="../../gui/pages/reports/page.py" line="114"/>
        <source>No topic inspection yet</source>
        <translation>还没有专项督导</translation>
    </message>
    <message>
        <location filename="../../gui/pages/reports/page.py" line="117"/>
        <source>Empty: from the start of the principal&apos;s current term</source>
        <translation>不填：从校（园）长本届任期开始</translation>
    </message>
    <message>
        <location filename="../../gui/pages/reports/page.py" line="120"/>
        <source>Empty: to the end of the principal&apos;s current term, or today once it ended</source>
        <translation>不填：到校（园）长本届任期届满，已届满的到今天</translation>
    </message>
    <message>
        <location filename="../../gui/pages/reports/page.py" line="123"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../gui/pages/reports/page.py" line="124"/>
        <source>Campaign</source>
        <translation>迎检工作</translation>
    </message>
    <message>
        <location filename="../../gui/pages/reports/page.py" line="125"/>
        <source>Topic inspection</source>
        <translation>专项督导</translation>
    </message>
    <message>
        <location filename="../../gui/pages/reports/page.py" line="126"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../gui/pages/reports/page.py" line="127"/>
        <source>Zone</source>
        <translation>责任区</translation>
    </message>
    <message>
        <location filename="../../gui/pages/reports/page.py" line="128"/>
        <source>Inspector</source>
        <translation>督学</translation>
    </message>
    <message>
        <location filename="../../gui/pages/reports/page.py" line="129"/>
        <location filename="../../gui/pages/reports/page.py" line="130"/>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../gui/pages/reports/page.py" line="131"/>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/reports/page.py" line="132"/>
        <source>To</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/reports/page.py" line="133"/>
        <source>Paper</source>
        <translation>纸张</translation>
    </message>
    <message>
        <location filename="../../gui/pages/reports/page.py" line="134"/>
        <source>Preview…</source>
        <translation>预览…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/reports/page.py" line="137"/>
        <source>The preview window prints on the office printer or saves the PDF.</source>
        <translation>在预览窗口中可以打印，或另存为 PDF 文件。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/reports/page.py" line="182"/>
        <source>All schools</source>
        <translation>全部学校</translation>
    </message>
    <message>
        <location filename="../../gui/pages/reports/page.py" line="184"/>
        <source>All zones</source>
        <translation>全部责任区</translation>
    </message>
    <message>
        <location filename="../../gui/pages/reports/page.py" line="186"/>
        <source>All inspectors</source>
        <translation>全部督学</translation>
    </message>
    <message>
        <location filename="../../gui/pages/reports/page.py" line="189"/>
        <source>Latest running campaign</source>
        <translation>最近一项进行中的迎检工作</translation>
    </message>
    <message>
        <location filename="../../gui/pages/reports/page.py" line="200"/>
        <source>Every inspector with gender, unit, post, full or part time, phone, term dates, zone and schools. A4 or A3 landscape.</source>
        <translation>每名督学的性别、工作单位、职务、专/兼职、联系电话、任期起止、责任区和负责学校（园）。A4 或 A3 横向。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/reports/page.py" line="219"/>
        <source>The month&apos;s visits as a calendar, then each inspector&apos;s list. Internal: the plan is not sent to schools. A4 or A3 landscape, to post on the wall.</source>
        <translation>本月督导以日历列出，随后是每名督学的安排。内部资料，不发学校。A4 或 A3 横向，可张贴上墙。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/reports/page.py" line="259"/>
        <source>The report of a topic inspection (专项督导): schools inspected, inspectors, visits, problems by tier and their rectification, filled in from the data; the highlights, problems and next steps are edited before printing.</source>
        <translation>专项督导的报告：督导学校、督学、督导次数、各类问题及整改情况按数据填写；亮点、主要问题和下一步工作建议可在打印前修改。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/reports/page.py" line="264"/>
        <source>The comprehensive inspection (综合督导) of one school, e.g. at the end of its principal&apos;s term: responsible inspectors, visits, problems and their rectification, archive checklists and scores. Without dates it covers the principal&apos;s current term.</source>
        <translation>一所学校（园）的综合督导报告（如校（园）长任期届满时）：责任督学、督导情况、问题整改、迎检档案资料和评估打分。不填日期时统计校（园）长本届任期。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/reports/page.py" line="278"/>
        <source>{title} (printed in Chinese: {printed})</source>
        <translation>{title}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/reports/page.py" line="348"/>
        <location filename="../../gui/pages/reports/page.py" line="365"/>
        <source>Topic inspection report</source>
        <translation>专项督导报告</translation>
    </message>
    <message>
        <location filename="../../gui/pages/reports/page.py" line="349"/>
        <source>There is no topic inspection to report on yet.</source>
        <translation>还没有专项督导，无法生成专项督导报告。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/reports/page.py" line="204"/>
        <source>The sign at a school&apos;s gate: the responsible inspector with photo, supervision phone, duties and main inspection items. One school or every school, A4 or A3.</source>
        <translation>学校门口的责任督学挂牌公示牌：责任督学照片、监督电话、工作职责和主要督导事项。可打印一所或全部学校，A4 或 A3。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/reports/page.py" line="208"/>
        <source>Inspectors against the staffing ratio, the full-time share, schools without an inspector, and each zone.</source>
        <translation>按配备比例的督学人数、专职督学占比、未挂牌学校，以及各责任区情况。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/reports/page.py" line="212"/>
        <source>Each inspector&apos;s training hours in a year against the requirement, with pre-service and centralized training.</source>
        <translation>每名督学全年培训学时与要求对照，以及岗前培训和集中培训情况。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/reports/page.py" line="216"/>
        <source>Terms ending within the warning period and inspectors at the term limit.</source>
        <translation>提醒期内任期届满的督学，以及已达连任上限的督学。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/reports/page.py" line="223"/>
        <source>The blank visit record form to fill in at the school. A filled form prints from the visit records.</source>
        <translation>空白督导记录表，供在学校现场填写。已填写的记录表请在督导记录中打印。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/reports/page.py" line="227"/>
        <source>The rectification notice to a school listing its problems still to be rectified, with the reply date and the office&apos;s signature.</source>
        <translation>发给学校的整改通知书，列出其待整改问题，并注明回复日期和督导室落款。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/reports/page.py" line="231"/>
        <source>The latest supervision notice (督办通知) to a school whose rectification is late or inadequate, with the new deadline.</source>
        <translation>发给整改逾期或不到位学校的最近一份督办通知，写明新的整改期限。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/reports/page.py" line="235"/>
        <source>The month&apos;s bulletin (通报) to every school: problems found, rectified on time and overdue, supervision notices and talks, per zone, overdue schools by name.</source>
        <translation>发给各学校（园）的月度通报：发现的问题、按期整改和逾期未整改情况、督办和约谈，按责任区统计，并点名逾期未整改的学校。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/reports/page.py" line="239"/>
        <source>The written record of the latest talk (约谈) with a school&apos;s leaders: who, when, where, the problems, what was said and promised, with signature lines.</source>
        <translation>与学校（园）负责人最近一次约谈的书面记录：时间、地点、约谈对象和约谈人、涉及问题、约谈情况和整改承诺，留签字栏。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/reports/page.py" line="243"/>
        <source>The year&apos;s complaint register: each complaint with its verification, result, days for a reply and the day answered; late ones marked. A4 landscape.</source>
        <translation>全年投诉受理登记：每件投诉的核实情况、办理结果、办理期限和答复日期，逾期的标出。A4 横向。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/reports/page.py" line="247"/>
        <source>One school&apos;s archive checklist in a campaign: every item with its status, person responsible, due date, box number and location. A4 landscape.</source>
        <translation>一所学校在某项迎检工作中的档案资料清单：各项目的状态、责任人、完成时限、盒号和存放位置。A4横向。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/reports/page.py" line="251"/>
        <source>A campaign&apos;s progress: phases and deadlines, each zone and school with its percent and overdue items, the lagging schools first.</source>
        <translation>迎检工作进度：各阶段及截止日期，各责任区、各学校的完成率和逾期项目，进度滞后的学校排在前面。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/reports/page.py" line="255"/>
        <source>The year&apos;s work in figures: visits planned and done per month, inspector, zone and school, problems found and fixed, complaints and training hours, with charts.</source>
        <translation>全年工作统计：按月份、督学、责任区和学校统计计划与完成的督导次数，发现和整改的问题，投诉及培训学时，附统计图。</translation>
    </message>
</context>
<context>
    <name>RowsEditor</name>
    <message>
        <location filename="../../gui/pages/archives/template_dialogs.py" line="279"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/template_dialogs.py" line="280"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/template_dialogs.py" line="281"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
</context>
<context>
    <name>SchoolDialog</name>
    <message>
        <location filename="../../gui/pages/schools/page.py" line="269"/>
        <source>Add school</source>
        <translation>新增学校</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools/page.py" line="269"/>
        <source>Edit school</source>
        <translation>编辑学校</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools/page.py" line="273"/>
        <source>Name</source>
        <translation>学校名称</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools/page.py" line="274"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools/page.py" line="275"/>
        <source>Private</source>
        <translation>民办</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools/page.py" line="276"/>
        <source>Students</source>
        <translation>在校生数</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools/page.py" line="278"/>
        <source>Zone</source>
        <translation>责任区</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools/page.py" line="279"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools/page.py" line="282"/>
        <source>Principal</source>
        <translation>校（园）长</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools/page.py" line="284"/>
        <source>Principal&apos;s term ends</source>
        <translation>校长任期届满</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools/page.py" line="286"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools/page.py" line="287"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
</context>
<context>
    <name>SchoolsChooser</name>
    <message>
        <location filename="../../gui/pages/archives/page.py" line="590"/>
        <source>Change whole schools</source>
        <translation>按学校批量修改</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/page.py" line="592"/>
        <source>Type to filter…</source>
        <translation>输入文字筛选…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/page.py" line="610"/>
        <source>Every item of the schools ticked will be changed.</source>
        <translation>所勾选学校的全部项目都将被修改。</translation>
    </message>
</context>
<context>
    <name>SchoolsPage</name>
    <message>
        <location filename="../../gui/pages/schools/page.py" line="70"/>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools/page.py" line="71"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools/page.py" line="73"/>
        <source>Ownership</source>
        <translation>性质</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools/page.py" line="74"/>
        <location filename="../../gui/pages/schools/page.py" line="142"/>
        <source>Private</source>
        <translation>民办</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools/page.py" line="74"/>
        <source>Public</source>
        <translation>公办</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools/page.py" line="76"/>
        <source>Students</source>
        <translation>在校生数</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools/page.py" line="78"/>
        <source>Zone</source>
        <translation>责任区</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools/page.py" line="78"/>
        <location filename="../../gui/pages/schools/page.py" line="82"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools/page.py" line="81"/>
        <source>Responsible inspector</source>
        <translation>责任督学</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools/page.py" line="86"/>
        <source>Assigned since</source>
        <translation>挂牌起始</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools/page.py" line="90"/>
        <source>Principal</source>
        <translation>校（园）长</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools/page.py" line="92"/>
        <source>Principal&apos;s term ends</source>
        <translation>校长任期届满</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools/page.py" line="96"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools/page.py" line="97"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools/page.py" line="99"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools/page.py" line="100"/>
        <location filename="../../gui/pages/schools/page.py" line="133"/>
        <source>In use</source>
        <translation>在用</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools/page.py" line="100"/>
        <location filename="../../gui/pages/schools/page.py" line="145"/>
        <source>Deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools/page.py" line="103"/>
        <source>Schools</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools/page.py" line="109"/>
        <location filename="../../gui/pages/schools/page.py" line="154"/>
        <source>Add school…</source>
        <translation>新增学校…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools/page.py" line="110"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools/page.py" line="115"/>
        <source>Activate</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools/page.py" line="117"/>
        <source>Zones…</source>
        <translation>责任区…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools/page.py" line="120"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools/page.py" line="122"/>
        <source>Signs of the selected schools…</source>
        <translation>所选学校的挂牌公示牌…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools/page.py" line="123"/>
        <source>Signs of every school…</source>
        <translation>全部学校的挂牌公示牌…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools/page.py" line="124"/>
        <location filename="../../gui/pages/schools/page.py" line="127"/>
        <source>Comprehensive inspection report…</source>
        <translation>综合督导报告…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools/page.py" line="135"/>
        <source>Without an inspector</source>
        <translation>未挂牌督学</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools/page.py" line="139"/>
        <source>Kindergartens</source>
        <translation>幼儿园</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools/page.py" line="143"/>
        <source>Large (own inspector)</source>
        <translation>大规模学校（1∶1）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools/page.py" line="144"/>
        <source>Same inspector for years</source>
        <translation>同一督学负责多年（宜交流）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools/page.py" line="149"/>
        <source>No schools yet — click “Add school…” or import the office&apos;s list from Excel (a blank template shows the columns). To try the app first, load the demo office on the dashboard.</source>
        <translation>还没有学校 — 点击“新增学校…”，或从 Excel 导入本办公室的学校名单（空白模板列出了各列）。想先试用，可在工作台装入演示数据。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools/page.py" line="155"/>
        <source>Import from Excel…</source>
        <translation>从 Excel 导入…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools/page.py" line="156"/>
        <source>Blank template…</source>
        <translation>空白模板…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools/page.py" line="188"/>
        <source>{zone}: {count}</source>
        <translation>{zone} {count} 所</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools/page.py" line="193"/>
        <source>No zones yet: add them under Zones…</source>
        <translation>尚未设立责任区：请点“责任区…”添加</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools/page.py" line="195"/>
        <source>More than {limit} schools in: {zones}</source>
        <translation>学校数超过 {limit} 所的责任区：{zones}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools/page.py" line="245"/>
        <source>Deactivate {count} school(s): {names}?

Their history is kept; their responsible inspector&apos;s assignment ends today.</source>
        <translation>停用 {count} 所学校：{names}？

历史记录保留；其责任督学的挂牌自今日结束。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools/page.py" line="112"/>
        <location filename="../../gui/pages/schools/page.py" line="248"/>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
</context>
<context>
    <name>ScoreModel</name>
    <message>
        <location filename="../../gui/pages/archives/scoring_view.py" line="214"/>
        <source>{indicator}: {low} to {high} points</source>
        <translation>{indicator}：{low}～{high}分</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/scoring_view.py" line="223"/>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/scoring_view.py" line="225"/>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/scoring_view.py" line="227"/>
        <source>Total
({marks})</source>
        <translation>总分
（{marks}）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/scoring_view.py" line="229"/>
        <source>{group}
subtotal ({marks})</source>
        <translation>{group}
小计（{marks}）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/scoring_view.py" line="310"/>
        <source>{school} · {indicator} ({low} to {high})</source>
        <translation>{school} · {indicator}（{low}～{high}）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/scoring_view.py" line="317"/>
        <source>Not every indicator is scored yet.</source>
        <translation>尚有指标未评分。</translation>
    </message>
</context>
<context>
    <name>ScoringView</name>
    <message>
        <location filename="../../gui/pages/archives/scoring_view.py" line="455"/>
        <source>An evaluation sheet lists indicators in groups and the points each is worth; the schools of the campaign are then scored on it, totalled and ranked.</source>
        <translation>评估表按分组列出各项指标及其分值；参加本次迎检工作的学校按评估表逐项评分，再汇总总分并排名。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/scoring_view.py" line="461"/>
        <source>Load the 100-point school evaluation sheet</source>
        <translation>装入百分制学校评估表</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/scoring_view.py" line="463"/>
        <location filename="../../gui/pages/archives/scoring_view.py" line="486"/>
        <source>Edit indicators…</source>
        <translation>编辑指标…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/scoring_view.py" line="483"/>
        <source>Type to find a school…</source>
        <translation>输入学校名称查找…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/scoring_view.py" line="550"/>
        <source>{school}: not scored yet</source>
        <translation>{school}：尚未评分</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/scoring_view.py" line="552"/>
        <source>{school}: {total} points so far, rank {rank}</source>
        <translation>{school}：目前{total}分，暂列第{rank}名</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/scoring_view.py" line="554"/>
        <source>{school}: {total} points, rank {rank}</source>
        <translation>{school}：{total}分，第{rank}名</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/scoring_view.py" line="602"/>
        <source>{schools} schools · {scored} scored · {complete} fully scored · full marks {marks}</source>
        <translation>共{schools}所学校 · 已评分{scored}所 · 全部评完{complete}所 · 满分{marks}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/scoring_view.py" line="615"/>
        <source>This campaign has no evaluation sheet yet.</source>
        <translation>本次迎检工作尚无评估表。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/scoring_view.py" line="617"/>
        <source>Choose a campaign to score its schools.</source>
        <translation>请选择一项迎检工作，为参评学校评分。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/scoring_view.py" line="672"/>
        <source>Scores</source>
        <translation>评分</translation>
    </message>
</context>
<context>
    <name>SemesterCheckDialog</name>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="815"/>
        <source>Semester check</source>
        <translation>学期核查</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="820"/>
        <source>Previous semester</source>
        <translation>上一学期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="822"/>
        <source>Next semester</source>
        <translation>下一学期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="838"/>
        <location filename="../../gui/pages/calendar/dialogs.py" line="864"/>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="840"/>
        <location filename="../../gui/pages/calendar/dialogs.py" line="904"/>
        <source>Routine visits</source>
        <translation>经常性督导</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="846"/>
        <source>Required</source>
        <translation>应督导</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="848"/>
        <location filename="../../gui/pages/calendar/dialogs.py" line="873"/>
        <source>Responsible inspector</source>
        <translation>责任督学</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="849"/>
        <location filename="../../gui/pages/calendar/dialogs.py" line="874"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="865"/>
        <source>Principal</source>
        <translation>校（园）长</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="867"/>
        <source>Term ends</source>
        <translation>任期届满</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="871"/>
        <source>Visit by</source>
        <translation>应在此前督导</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="877"/>
        <source>On the calendar</source>
        <translation>已排入日历</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="883"/>
        <source>Put on the calendar…</source>
        <translation>排入日历…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="886"/>
        <source>Comprehensive inspection report…</source>
        <translation>综合督导报告…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="907"/>
        <source>Comprehensive inspections</source>
        <translation>综合督导</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="934"/>
        <source>{name} ({start} to {end})</source>
        <translation>{name}（{start}至{end}）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="942"/>
        <source>{day} falls in the school holidays.</source>
        <translation>{day}处于学校假期。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="946"/>
        <source>Schools with fewer than {required} routine visits: {count}</source>
        <translation>经常性督导不足{required}次的学校：{count}所</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="953"/>
        <source>Principal&apos;s term ends this semester or in the break after it: {count} school(s)</source>
        <translation>校（园）长任期在本学期或其后假期内届满：{count} 所</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="990"/>
        <source>{school} has no responsible inspector. Assign one on the Inspectors page first.</source>
        <translation>{school}尚无责任督学，请先在“督学”页面指定。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="999"/>
        <source>{school} already has a comprehensive inspection on {day}. Add another?</source>
        <translation>{school}已于{day}安排综合督导，是否再添加一次？</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../gui/pages/settings/page.py" line="113"/>
        <source>e.g. Education Supervision Office of … County</source>
        <translation>例如：××县人民政府教育督导室</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings/page.py" line="115"/>
        <source>Office</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings/page.py" line="117"/>
        <source>Office name (printed on reports)</source>
        <translation>单位名称（印在报表上）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings/page.py" line="135"/>
        <location filename="../../gui/pages/settings/page.py" line="484"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings/page.py" line="137"/>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings/page.py" line="139"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings/page.py" line="141"/>
        <source>Database: {path}</source>
        <translation>数据库：{path}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings/page.py" line="154"/>
        <source>A server database is backed up with the server&apos;s own tools.</source>
        <translation>服务器数据库请使用服务器自带的工具备份。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings/page.py" line="162"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings/page.py" line="165"/>
        <source>Undo changes</source>
        <translation>撤销修改</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings/page.py" line="167"/>
        <source>Restore default rules</source>
        <translation>恢复默认规则</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings/page.py" line="178"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings/page.py" line="236"/>
        <source>Schools asked for the six minimums</source>
        <translation>“六个至少”适用的学校类别</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings/page.py" line="239"/>
        <source>Own visits per school per month, by zone</source>
        <translation>按责任区另定每校每月督导次数（如市直学校）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings/page.py" line="274"/>
        <source>Empty: the office name</source>
        <translation>留空则使用督导室名称</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings/page.py" line="277"/>
        <source>Empty: no seal line</source>
        <translation>留空则不打印盖章栏</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings/page.py" line="283"/>
        <source>Printed reports and notices</source>
        <translation>打印报表和通知书</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings/page.py" line="285"/>
        <source>Notice number prefix</source>
        <translation>通知书文号前缀</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings/page.py" line="287"/>
        <source>Supervision notice number prefix</source>
        <translation>督办通知文号前缀</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings/page.py" line="289"/>
        <source>Signature line</source>
        <translation>落款</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings/page.py" line="290"/>
        <source>Seal line</source>
        <translation>盖章栏</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings/page.py" line="301"/>
        <source>Notices are numbered like {number}</source>
        <translation>通知书文号示例：{number}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings/page.py" line="306"/>
        <source>Supervision notices are numbered like {number}</source>
        <translation>督办通知文号示例：{number}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings/page.py" line="396"/>
        <source>Rules of {name} filled in; press Save to keep them.</source>
        <translation>已填入“{name}”的规则，按“保存”后生效。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings/page.py" line="407"/>
        <source>Default rules filled in; press Save to keep them.</source>
        <translation>已填入默认规则，点击“保存”后生效。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings/page.py" line="444"/>
        <source>Settings saved.</source>
        <translation>设置已保存。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings/page.py" line="454"/>
        <source>Settings not saved</source>
        <translation>设置未保存</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings/page.py" line="455"/>
        <source>Nothing was saved. Please correct:
{problems}</source>
        <translation>没有保存任何内容。请修改以下问题：
{problems}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings/page.py" line="485"/>
        <source>The new language is used from the next start of the app.</source>
        <translation>新的界面语言将在下次启动程序时生效。</translation>
    </message>
</context>
<context>
    <name>SheetActions</name>
    <message>
        <location filename="../../gui/sheet_actions.py" line="72"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../gui/sheet_actions.py" line="73"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../gui/sheet_actions.py" line="74"/>
        <source>Blank template…</source>
        <translation>空白模板…</translation>
    </message>
    <message>
        <location filename="../../gui/sheet_actions.py" line="86"/>
        <source>Import from Excel</source>
        <translation>从 Excel 导入</translation>
    </message>
    <message>
        <location filename="../../gui/sheet_actions.py" line="94"/>
        <source>Reading the sheet…</source>
        <translation>正在读取表格…</translation>
    </message>
    <message>
        <location filename="../../gui/sheet_actions.py" line="111"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../gui/sheet_actions.py" line="112"/>
        <source>Saved: {summary}</source>
        <translation>已保存：{summary}</translation>
    </message>
    <message>
        <location filename="../../gui/sheet_actions.py" line="116"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../gui/sheet_actions.py" line="127"/>
        <source>{kind} import problems</source>
        <translation>{kind}导入问题</translation>
    </message>
    <message>
        <location filename="../../gui/sheet_actions.py" line="128"/>
        <source>Nothing was saved. Please correct the sheet:</source>
        <translation>没有保存任何数据。请修改表格中的以下问题：</translation>
    </message>
    <message>
        <location filename="../../gui/sheet_actions.py" line="141"/>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <location filename="../../gui/sheet_actions.py" line="151"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/sheet_actions.py" line="152"/>
        <source>%n row(s) written to
{path}</source>
        <translation>
            <numerusform>已导出 %n 行到
{path}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/sheet_actions.py" line="154"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../gui/sheet_actions.py" line="165"/>
        <location filename="../../gui/sheet_actions.py" line="175"/>
        <source>Blank template</source>
        <translation>空白模板</translation>
    </message>
    <message>
        <location filename="../../gui/sheet_actions.py" line="166"/>
        <source>{title} template.xlsx</source>
        <translation>{title}-模板.xlsx</translation>
    </message>
    <message>
        <location filename="../../gui/sheet_actions.py" line="176"/>
        <source>Template written to
{path}</source>
        <translation>模板已保存到
{path}</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <location filename="../../gui/pages/archives/template_dialogs.py" line="411"/>
        <source>New template</source>
        <translation>新建模板</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/template_dialogs.py" line="411"/>
        <source>Edit template</source>
        <translation>编辑模板</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/template_dialogs.py" line="416"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/template_dialogs.py" line="417"/>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/template_dialogs.py" line="426"/>
        <source>For (none ticked: every school)</source>
        <translation>适用学校（都不勾选：全部学校）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/template_dialogs.py" line="428"/>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/template_dialogs.py" line="429"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/template_dialogs.py" line="430"/>
        <source>Required</source>
        <translation>必备</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/template_dialogs.py" line="431"/>
        <source>Evidence</source>
        <translation>佐证材料</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/template_dialogs.py" line="432"/>
        <source>Retention</source>
        <translation>保管期限</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/template_dialogs.py" line="437"/>
        <source>Add item</source>
        <translation>添加项目</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/template_dialogs.py" line="437"/>
        <source>Add item below</source>
        <translation>在下方插入</translation>
    </message>
</context>
<context>
    <name>TemplateListView</name>
    <message>
        <location filename="../../gui/pages/archives/template_list_view.py" line="62"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/template_list_view.py" line="64"/>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/template_list_view.py" line="68"/>
        <source>Items</source>
        <translation>项目数</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/template_list_view.py" line="70"/>
        <source>Required items</source>
        <translation>必备项数</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/template_list_view.py" line="75"/>
        <source>Built-in</source>
        <translation>内置</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/template_list_view.py" line="76"/>
        <source>For</source>
        <translation>适用学校</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/template_list_view.py" line="87"/>
        <location filename="../../gui/pages/archives/template_list_view.py" line="100"/>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/template_list_view.py" line="89"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/template_list_view.py" line="92"/>
        <source>Copy as new template…</source>
        <translation>复制为新模板…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/template_list_view.py" line="95"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/template_list_view.py" line="97"/>
        <location filename="../../gui/pages/archives/template_list_view.py" line="100"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/template_list_view.py" line="99"/>
        <source>No checklist templates yet — make one with “New…” or import one.</source>
        <translation>还没有清单模板 — 点击“新建…”制作一个，或“导入…”。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/template_list_view.py" line="103"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/template_list_view.py" line="108"/>
        <source>Templates are copied into a campaign&apos;s checklists when it is created; editing or deleting a template leaves the checklists already made as they are.</source>
        <translation>新建迎检工作时，所选模板的项目会复制到各校的档案资料清单中；之后修改或删除模板，不影响已生成的清单。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/template_list_view.py" line="152"/>
        <source>New template</source>
        <translation>新建模板</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/template_list_view.py" line="162"/>
        <source>Edit template: {name}</source>
        <translation>编辑模板：{name}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/template_list_view.py" line="174"/>
        <source> (copy)</source>
        <translation>（副本）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/template_list_view.py" line="178"/>
        <source>Copy of {name}</source>
        <translation>复制模板：{name}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/template_list_view.py" line="190"/>
        <source>Delete the template {name}? Checklists already made from it stay as they are.</source>
        <translation>删除模板“{name}”？已用它生成的清单不受影响。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/template_list_view.py" line="192"/>
        <location filename="../../gui/pages/archives/template_list_view.py" line="278"/>
        <source>Templates</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/template_list_view.py" line="202"/>
        <location filename="../../gui/pages/archives/template_list_view.py" line="224"/>
        <location filename="../../gui/pages/archives/template_list_view.py" line="238"/>
        <location filename="../../gui/pages/archives/template_list_view.py" line="246"/>
        <source>Import a template</source>
        <translation>导入模板</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/template_list_view.py" line="222"/>
        <source>A template named {name} already exists. Import this one under another name?</source>
        <translation>已有名为“{name}”的模板。是否换一个名称导入？</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/template_list_view.py" line="226"/>
        <source> (imported)</source>
        <translation>（导入）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/template_list_view.py" line="231"/>
        <source>Import {file}</source>
        <translation>导入：{file}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/template_list_view.py" line="239"/>
        <source>Template {name} imported from {file}.</source>
        <translation>已从“{file}”导入模板“{name}”。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/template_list_view.py" line="247"/>
        <source>Nothing was imported. Please correct the sheet:</source>
        <translation>未导入任何内容。请修改表格中的以下问题：</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/template_list_view.py" line="261"/>
        <location filename="../../gui/pages/archives/template_list_view.py" line="271"/>
        <source>Export a template</source>
        <translation>导出模板</translation>
    </message>
    <message>
        <location filename="../../gui/pages/archives/template_list_view.py" line="272"/>
        <source>Template {name} written to
{path}</source>
        <translation>模板“{name}”已保存到
{path}</translation>
    </message>
</context>
<context>
    <name>TermsBox</name>
    <message>
        <location filename="../../gui/pages/settings/terms_box.py" line="49"/>
        <source>School calendar (term dates)</source>
        <translation>校历（学期日期）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings/terms_box.py" line="53"/>
        <source>Routine visits are planned only in term time. Until the county&apos;s own dates are entered, a term runs from 1 September to 20 January or from 20 February to 10 July; please enter the dates of the county&apos;s school calendar. Kindergartens follow the schools&apos; dates unless they have their own. A month partly in the holidays keeps its visits in proportion to its working days in term time, so a month mostly in the holidays has none.</source>
        <translation>经常性督导只安排在学期内。未填写本县日期时，秋季学期按 9月1日至1月20日、春季学期按 2月20日至7月10日计算；请按本县校历填写实际日期。幼儿园未单独填写时与中小学相同。部分在假期中的月份，按学期内工作日所占比例安排督导次数，主要在假期中的月份不安排。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings/terms_box.py" line="64"/>
        <source>School year</source>
        <translation>学年</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings/terms_box.py" line="65"/>
        <source>Schools</source>
        <translation>学校类别</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings/terms_box.py" line="66"/>
        <source>Term</source>
        <translation>学期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings/terms_box.py" line="67"/>
        <location filename="../../gui/pages/settings/terms_box.py" line="91"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings/terms_box.py" line="68"/>
        <location filename="../../gui/pages/settings/terms_box.py" line="93"/>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings/terms_box.py" line="69"/>
        <source>Dates</source>
        <translation>日期来源</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings/terms_box.py" line="85"/>
        <source>Save term dates</source>
        <translation>保存学期日期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings/terms_box.py" line="107"/>
        <source>The county&apos;s dates</source>
        <translation>本县日期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings/terms_box.py" line="109"/>
        <source>As the schools</source>
        <translation>同中小学</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings/terms_box.py" line="110"/>
        <source>Default dates: please enter the county&apos;s</source>
        <translation>默认日期：请按本县校历填写</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings/terms_box.py" line="159"/>
        <source>Saved: {year} {kind} {term}.</source>
        <translation>已保存：{year}学年{kind}{term}。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings/terms_box.py" line="171"/>
        <source>Not saved: {problems}</source>
        <translation>未保存：{problems}</translation>
    </message>
</context>
<context>
    <name>TopicTextsDialog</name>
    <message>
        <location filename="../../gui/pages/reports/topic_dialog.py" line="67"/>
        <source>Topic inspection report</source>
        <translation>专项督导报告</translation>
    </message>
    <message>
        <location filename="../../gui/pages/reports/topic_dialog.py" line="73"/>
        <source>{topic}, {period}. The figures are filled in from the data; edit the texts below before printing.</source>
        <translation>{topic}，{period}。报告中的数字按数据填写；下面的文字可在打印前修改。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/reports/topic_dialog.py" line="79"/>
        <source>Leave empty to print no addressee</source>
        <translation>不填则不印主送机关</translation>
    </message>
    <message>
        <location filename="../../gui/pages/reports/topic_dialog.py" line="81"/>
        <source>Addressee</source>
        <translation>主送机关</translation>
    </message>
    <message>
        <location filename="../../gui/pages/reports/topic_dialog.py" line="89"/>
        <source>Restore generated text</source>
        <translation>恢复生成的内容</translation>
    </message>
    <message>
        <location filename="../../gui/pages/reports/topic_dialog.py" line="93"/>
        <source>Preview…</source>
        <translation>预览…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/reports/topic_dialog.py" line="107"/>
        <source>Opening</source>
        <translation>开头</translation>
    </message>
    <message>
        <location filename="../../gui/pages/reports/topic_dialog.py" line="108"/>
        <source>II. Highlights</source>
        <translation>二、亮点</translation>
    </message>
    <message>
        <location filename="../../gui/pages/reports/topic_dialog.py" line="109"/>
        <source>III. Problems and rectification</source>
        <translation>三、问题整改及效果</translation>
    </message>
    <message>
        <location filename="../../gui/pages/reports/topic_dialog.py" line="110"/>
        <source>IV. Next steps</source>
        <translation>四、下一步工作建议</translation>
    </message>
</context>
<context>
    <name>TopicVisitsDialog</name>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="631"/>
        <source>Special-topic campaign</source>
        <translation>专项督导</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="632"/>
        <source>Topic</source>
        <translation>督导主题</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="637"/>
        <source>Choose or type a topic, e.g. 防溺水</source>
        <translation>选择或输入主题，如防溺水</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="639"/>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="641"/>
        <source>To</source>
        <translation>止</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="652"/>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="660"/>
        <source>Type to filter…</source>
        <translation>输入文字筛选…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="663"/>
        <source>All zones</source>
        <translation>全部责任区</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="666"/>
        <location filename="../../gui/pages/calendar/dialogs.py" line="715"/>
        <location filename="../../gui/pages/calendar/dialogs.py" line="723"/>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="667"/>
        <source>Zone</source>
        <translation>责任区</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="669"/>
        <source>Responsible inspector</source>
        <translation>责任督学</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="670"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="681"/>
        <source>Tick shown</source>
        <translation>勾选所列</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="683"/>
        <source>Untick shown</source>
        <translation>取消勾选所列</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="698"/>
        <source>Schools</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="709"/>
        <source>Tick the schools, then press Generate.</source>
        <translation>勾选学校后，点击“生成”。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="714"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="716"/>
        <source>Inspector</source>
        <translation>督学</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="724"/>
        <source>Why not placed</source>
        <translation>未安排原因</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="733"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="750"/>
        <source>{count} ticked</source>
        <translation>已勾选{count}所</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="779"/>
        <source>“{topic}”: {count} visit(s) put on the calendar.</source>
        <translation>“{topic}”：已在督导日历中安排{count}项督导。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="787"/>
        <source>{count} school(s) already had a visit on this topic in the window.</source>
        <translation>{count}所学校在该时段内已有此主题的督导。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="790"/>
        <source>{count} school(s) could not be placed (see below).</source>
        <translation>{count}所学校未能安排（见下方）。</translation>
    </message>
</context>
<context>
    <name>TrainingDialog</name>
    <message>
        <location filename="../../gui/pages/training/page.py" line="291"/>
        <source>Add training</source>
        <translation>新增培训记录</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training/page.py" line="291"/>
        <source>Edit training record</source>
        <translation>编辑培训记录</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training/page.py" line="294"/>
        <source>Course</source>
        <translation>培训名称</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training/page.py" line="295"/>
        <source>Organizer</source>
        <translation>主办单位</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training/page.py" line="296"/>
        <source>Form</source>
        <translation>培训形式</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training/page.py" line="297"/>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training/page.py" line="298"/>
        <source>To</source>
        <translation>止</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training/page.py" line="299"/>
        <source>Hours</source>
        <translation>学时</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training/page.py" line="303"/>
        <source>Certificate</source>
        <translation>证书编号</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training/page.py" line="304"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training/page.py" line="320"/>
        <source>Inspectors</source>
        <translation>督学</translation>
    </message>
</context>
<context>
    <name>TrainingPage</name>
    <message>
        <location filename="../../gui/pages/training/page.py" line="85"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training/page.py" line="87"/>
        <source>Hours this year</source>
        <translation>本年计入学时</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training/page.py" line="93"/>
        <source>Required</source>
        <translation>要求学时</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training/page.py" line="95"/>
        <source>Short by</source>
        <translation>差额</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training/page.py" line="102"/>
        <source>Pre-service</source>
        <translation>岗前培训</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training/page.py" line="112"/>
        <source>Centralized days, 3 years</source>
        <translation>近三年集中培训（天）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training/page.py" line="118"/>
        <source>Hours by form (* not counted)</source>
        <translation>各形式学时（*不计入）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training/page.py" line="129"/>
        <source>Year </source>
        <translation>年度 </translation>
    </message>
    <message>
        <location filename="../../gui/pages/training/page.py" line="131"/>
        <location filename="../../gui/pages/training/page.py" line="138"/>
        <source>Add training…</source>
        <translation>新增培训记录…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training/page.py" line="135"/>
        <source>No training recorded yet — click “Add training…” or import the hours from Excel.</source>
        <translation>还没有培训记录 — 点击“新增培训记录…”，或从 Excel 导入学时。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training/page.py" line="139"/>
        <source>Import from Excel…</source>
        <translation>从 Excel 导入…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training/page.py" line="142"/>
        <source>Print hours…</source>
        <translation>打印学时统计…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training/page.py" line="143"/>
        <source>Counted forms…</source>
        <translation>计入学时的形式…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training/page.py" line="146"/>
        <source>Short of hours</source>
        <translation>学时不足</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training/page.py" line="148"/>
        <source>Pre-service missing</source>
        <translation>缺岗前培训</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training/page.py" line="151"/>
        <source>Centralized training missing</source>
        <translation>近三年集中培训不足</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training/page.py" line="163"/>
        <source>Inspector</source>
        <translation>督学</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training/page.py" line="164"/>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training/page.py" line="165"/>
        <source>To</source>
        <translation>止</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training/page.py" line="166"/>
        <source>Course</source>
        <translation>培训名称</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training/page.py" line="167"/>
        <source>Form</source>
        <translation>培训形式</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training/page.py" line="168"/>
        <source>Hours</source>
        <translation>学时</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training/page.py" line="169"/>
        <source>Organizer</source>
        <translation>主办单位</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training/page.py" line="170"/>
        <source>Certificate</source>
        <translation>证书编号</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training/page.py" line="182"/>
        <source>Edit record…</source>
        <translation>编辑记录…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training/page.py" line="184"/>
        <source>Delete records</source>
        <translation>删除记录</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training/page.py" line="217"/>
        <source>{year}: {short} of {count} inspectors below {required} hours (counting {forms})</source>
        <translation>{year} 年：{count} 名督学中 {short} 名不足 {required} 学时（计入{forms}）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/training/page.py" line="238"/>
        <source>Records of {year}: {count}</source>
        <translation>{year} 年培训记录：{count} 条</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/training/page.py" line="271"/>
        <source>Delete %n training record(s)?</source>
        <translation>
            <numerusform>删除 %n 条培训记录？</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/pages/training/page.py" line="120"/>
        <location filename="../../gui/pages/training/page.py" line="272"/>
        <source>Training</source>
        <translation>培训</translation>
    </message>
</context>
<context>
    <name>UnavailabilityDialog</name>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="466"/>
        <source>Inspectors&apos; leave and training</source>
        <translation>督学请假与培训</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="468"/>
        <location filename="../../gui/pages/calendar/dialogs.py" line="485"/>
        <source>Inspector</source>
        <translation>督学</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="469"/>
        <location filename="../../gui/pages/calendar/dialogs.py" line="486"/>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="471"/>
        <location filename="../../gui/pages/calendar/dialogs.py" line="487"/>
        <source>To</source>
        <translation>止</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="473"/>
        <location filename="../../gui/pages/calendar/dialogs.py" line="489"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="474"/>
        <location filename="../../gui/pages/calendar/dialogs.py" line="490"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="475"/>
        <source>e.g. 市级督学培训班</source>
        <translation>如：市级督学培训班</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="476"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="481"/>
        <source>All inspectors</source>
        <translation>全部督学</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="488"/>
        <source>Days</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="495"/>
        <source>Remove selected</source>
        <translation>删除所选</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="532"/>
        <source>Entries of all inspectors: {count}</source>
        <translation>全部督学的记录：{count}条</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="534"/>
        <source>Entries of {name}: {count}</source>
        <translation>{name}的记录：{count}条</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="541"/>
        <source>Choose an inspector.</source>
        <translation>请选择督学。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="560"/>
        <source>Select the entries to remove in the list.</source>
        <translation>请在列表中选择要删除的记录。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="562"/>
        <source>Remove {count} entry(ies)?</source>
        <translation>确定删除{count}条记录？</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <location filename="../../gui/pages/calendar/visit_dialog.py" line="86"/>
        <source>Edit visit</source>
        <translation>编辑督导</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/visit_dialog.py" line="86"/>
        <source>New visit</source>
        <translation>新增督导</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/visit_dialog.py" line="91"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/visit_dialog.py" line="93"/>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/visit_dialog.py" line="97"/>
        <source>Inspector</source>
        <translation>督学</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/visit_dialog.py" line="101"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/visit_dialog.py" line="102"/>
        <source>Topic</source>
        <translation>督导主题</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/visit_dialog.py" line="105"/>
        <source>Going along</source>
        <translation>同行人员</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/visit_dialog.py" line="118"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/visit_dialog.py" line="161"/>
        <source>Choose a school and an inspector.</source>
        <translation>请选择学校和督学。</translation>
    </message>
</context>
<context>
    <name>WorkdaysDialog</name>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="220"/>
        <source>Working days</source>
        <translation>工作日</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="224"/>
        <source>Year </source>
        <translation>年度 </translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="233"/>
        <location filename="../../gui/pages/calendar/dialogs.py" line="255"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="234"/>
        <location filename="../../gui/pages/calendar/dialogs.py" line="257"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="235"/>
        <location filename="../../gui/pages/calendar/dialogs.py" line="258"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="240"/>
        <source>Remove selected</source>
        <translation>删除所选</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="241"/>
        <source>Paste the State Council&apos;s notice…</source>
        <translation>导入国务院通知…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="242"/>
        <source>This year&apos;s holidays are all entered</source>
        <translation>本年度节假日已全部录入（确认完整）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="253"/>
        <source>Add or change a day</source>
        <translation>添加或修改日期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="256"/>
        <source>Until (for several days)</source>
        <translation>至（连续多天时填写）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="259"/>
        <source>e.g. 春节 or 国庆节调休上班</source>
        <translation>如：春节、国庆节调休上班</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="260"/>
        <source>Save day</source>
        <translation>保存日期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="296"/>
        <source>{count} day(s) entered</source>
        <translation>已录入{count}天</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="297"/>
        <source>{year}: {status} (source: {source}).</source>
        <translation>{year}年节假日安排：{status}（来源：{source}）。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="302"/>
        <source>Paste the State Council&apos;s notice once it is published, or enter the holidays and swapped working days here and tick that the year is complete.</source>
        <translation>国务院办公厅的通知发布后请导入通知全文；也可以在此逐一录入放假和调休上班日期，然后勾选“已全部录入”。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="333"/>
        <source>{day} is already entered as {kind}. Replace it?</source>
        <translation>{day}已录入为{kind}，是否替换？</translation>
    </message>
    <message>
        <location filename="../../gui/pages/calendar/dialogs.py" line="357"/>
        <source>Select the days to remove in the list.</source>
        <translation>请在列表中选择要删除的日期。</translation>
    </message>
</context>
<context>
    <name>YearlyAssessmentDialog</name>
    <message>
        <location filename="../../gui/pages/inspectors/assessment_dialog.py" line="40"/>
        <source>Yearly assessment of {name}</source>
        <translation>{name}的年度考核</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/assessment_dialog.py" line="42"/>
        <source>Year assessed</source>
        <translation>考核年度</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/assessment_dialog.py" line="44"/>
        <source>Result</source>
        <translation>考核结果</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/assessment_dialog.py" line="45"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/assessment_dialog.py" line="46"/>
        <source>Assessed by</source>
        <translation>考核单位</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/assessment_dialog.py" line="47"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>ZoneCounts</name>
    <message>
        <location filename="../../gui/pages/settings/zone_counts.py" line="26"/>
        <source>No zones yet (add them on the Schools page).</source>
        <translation>还没有责任区（在“学校”页添加）。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings/zone_counts.py" line="42"/>
        <source>general rule</source>
        <translation>按通用规定</translation>
    </message>
</context>
<context>
    <name>ZonesDialog</name>
    <message>
        <location filename="../../gui/pages/schools/page.py" line="327"/>
        <source>Zones</source>
        <translation>责任区</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools/page.py" line="333"/>
        <source>Zone name</source>
        <translation>责任区名称</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools/page.py" line="334"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools/page.py" line="335"/>
        <source>Rename</source>
        <translation>改名</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools/page.py" line="336"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools/page.py" line="369"/>
        <source>{zone} ({count} schools)</source>
        <translation>{zone}（{count} 所学校）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/schools/page.py" line="373"/>
        <source>{inspectors} responsible inspectors, {required} by the ratio</source>
        <translation>责任督学 {inspectors} 名，按比例应配 {required} 名</translation>
    </message>
</context>
<context>
    <name>_CountedWords</name>
    <message numerus="yes">
        <location filename="../../gui/pages/calendar/month_grid.py" line="220"/>
        <source>and %n more</source>
        <translation>
            <numerusform>等 %n 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/calendar/month_grid.py" line="223"/>
        <source>%n visit(s)</source>
        <translation>
            <numerusform>%n 项</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../gui/app.py" line="172"/>
        <source>Open another database</source>
        <translation>打开其他数据库</translation>
    </message>
    <message>
        <location filename="../../gui/app.py" line="173"/>
        <source>Database files (*.db)</source>
        <translation>数据库文件 (*.db)</translation>
    </message>
    <message>
        <location filename="../../gui/app.py" line="244"/>
        <source>Supervision Desk is already open</source>
        <translation>督导工作台已经打开</translation>
    </message>
    <message>
        <location filename="../../gui/app.py" line="245"/>
        <source>This database is already open in another Supervision Desk window:
{path}

{what}</source>
        <translation>这个数据库已在另一个督导工作台窗口中打开：
{path}

{what}</translation>
    </message>
    <message>
        <location filename="../../gui/app.py" line="250"/>
        <source>That window was brought to the front.</source>
        <translation>已切换到那个窗口。</translation>
    </message>
    <message>
        <location filename="../../gui/app.py" line="252"/>
        <source>Switch to that window, or close it and start again.</source>
        <translation>请切换到那个窗口，或关闭它后再启动。</translation>
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
        <location filename="../../gui/dialogs.py" line="55"/>
        <source>Database problem</source>
        <translation>数据库问题</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="66"/>
        <source>Database damaged</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="70"/>
        <location filename="../../gui/dialogs.py" line="119"/>
        <source>Backups folder: {folder}</source>
        <translation>备份文件夹：{folder}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="76"/>
        <source>Restore from backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="80"/>
        <source>Open another database…</source>
        <translation>打开其他数据库…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="83"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="97"/>
        <source>Before upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="99"/>
        <source>Before restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="101"/>
        <source>Daily</source>
        <translation>每日备份</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="113"/>
        <location filename="../../gui/dialogs.py" line="187"/>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="131"/>
        <source>Taken</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="132"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="133"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="152"/>
        <source>There are no automatic backups.</source>
        <translation>没有自动备份。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="156"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="160"/>
        <source>Other file…</source>
        <translation>其他文件…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="188"/>
        <source>Database files (*.db)</source>
        <translation>数据库文件 (*.db)</translation>
    </message>
</context>
<context>
    <name>qualifications</name>
    <message>
        <location filename="../../gui/pages/inspectors/assessment_dialog.py" line="90"/>
        <source>Qualifications</source>
        <translation>任职条件</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inspectors/assessment_dialog.py" line="91"/>
        <source>{name} does not meet the appointment qualifications:
{gaps}

Appoint anyway?</source>
        <translation>{name}不符合督学任职条件：
{gaps}

仍要任命吗？</translation>
    </message>
</context>
</TS>
