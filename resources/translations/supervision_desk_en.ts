<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ArchiveCampaignDialog</name>
    <message numerus="yes">
        <location filename="../../gui/pages/archives/dialogs.py" line="364"/>
        <source>%n ticked</source>
        <translation>
            <numerusform>%n ticked</numerusform>
            <numerusform>%n ticked</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ArchivesPage</name>
    <message numerus="yes">
        <location filename="../../gui/pages/archives/page.py" line="327"/>
        <source>%n school(s)</source>
        <translation>
            <numerusform>%n school</numerusform>
            <numerusform>%n schools</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/archives/page.py" line="331"/>
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/archives/page.py" line="338"/>
        <source>next: {phase} by {day} (%n day(s) left)</source>
        <translation>
            <numerusform>next: {phase} by {day} (%n day left)</numerusform>
            <numerusform>next: {phase} by {day} (%n days left)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/archives/page.py" line="466"/>
        <source>Delete the campaign “{name}” with the checklists of its %n school(s), their attachments, snapshots and scores?</source>
        <translation>
            <numerusform>Delete the campaign “{name}” with the checklists of its %n school, their attachments, snapshots and scores?</numerusform>
            <numerusform>Delete the campaign “{name}” with the checklists of its %n schools, their attachments, snapshots and scores?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/archives/page.py" line="487"/>
        <source>%n item(s) of {schools}</source>
        <translation>
            <numerusform>%n item of {schools}</numerusform>
            <numerusform>%n items of {schools}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/archives/page.py" line="520"/>
        <source>All %n item(s) of {schools}</source>
        <translation>
            <numerusform>All %n item of {schools}</numerusform>
            <numerusform>All %n items of {schools}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message numerus="yes">
        <location filename="../../gui/pages/calendar/page.py" line="343"/>
        <source>%n visit(s) due from today to {0} (the next 7 days).</source>
        <translation>
            <numerusform>%n visit due from today to {0} (the next 7 days).</numerusform>
            <numerusform>%n visits due from today to {0} (the next 7 days).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/calendar/page.py" line="347"/>
        <source>%n visit(s) this month: {0} done, {1} still to go.</source>
        <translation>
            <numerusform>%n visit this month: {0} done, {1} still to go.</numerusform>
            <numerusform>%n visits this month: {0} done, {1} still to go.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/calendar/page.py" line="558"/>
        <source>Delete %n visit(s)? Their records go with them.</source>
        <translation>
            <numerusform>Delete %n visit? Their records go with them.</numerusform>
            <numerusform>Delete %n visits? Their records go with them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/calendar/page.py" line="653"/>
        <source>%n calendar file(s), one per inspector, saved in {folder}</source>
        <translation>
            <numerusform>%n calendar file, one per inspector, saved in {folder}</numerusform>
            <numerusform>%n calendar files, one per inspector, saved in {folder}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message numerus="yes">
        <location filename="../../gui/pages/dashboard/page.py" line="325"/>
        <source>Terms ending within %n day(s)</source>
        <translation>
            <numerusform>Terms ending within %n day</numerusform>
            <numerusform>Terms ending within %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/dashboard/page.py" line="336"/>
        <source>Below %n hour(s) in {year}</source>
        <translation>
            <numerusform>Below %n hour in {year}</numerusform>
            <numerusform>Below %n hours in {year}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/dashboard/page.py" line="343"/>
        <source>New inspectors below %n pre-service hour(s)</source>
        <translation>
            <numerusform>New inspectors below %n pre-service hour</numerusform>
            <numerusform>New inspectors below %n pre-service hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/dashboard/page.py" line="361"/>
        <source>Inspectors with more than %n school(s)</source>
        <translation>
            <numerusform>Inspectors with more than %n school</numerusform>
            <numerusform>Inspectors with more than %n schools</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/dashboard/page.py" line="410"/>
        <source>%n problem(s) not fixed yet</source>
        <translation>
            <numerusform>%n problem not fixed yet</numerusform>
            <numerusform>%n problems not fixed yet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/dashboard/page.py" line="416"/>
        <source>{count} serious not reported up within %n day(s)</source>
        <translation>
            <numerusform>{count} serious not reported up within %n day</numerusform>
            <numerusform>{count} serious not reported up within %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/dashboard/page.py" line="443"/>
        <source>Within %n day(s); {count} without a comprehensive inspection</source>
        <translation>
            <numerusform>Within %n day; {count} without a comprehensive inspection</numerusform>
            <numerusform>Within %n days; {count} without a comprehensive inspection</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/dashboard/page.py" line="482"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/dashboard/page.py" line="490"/>
        <source>%n school(s) lagging behind</source>
        <translation>
            <numerusform>%n school lagging behind</numerusform>
            <numerusform>%n schools lagging behind</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InspectorsPage</name>
    <message numerus="yes">
        <location filename="../../gui/pages/inspectors/page.py" line="317"/>
        <source>{name} · {status} · %n school(s)</source>
        <translation>
            <numerusform>{name} · {status} · %n school</numerusform>
            <numerusform>{name} · {status} · %n schools</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ItemsDialog</name>
    <message numerus="yes">
        <location filename="../../gui/pages/archives/dialogs.py" line="415"/>
        <source>Change %n item(s)</source>
        <translation>
            <numerusform>Change %n item</numerusform>
            <numerusform>Change %n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message numerus="yes">
        <location filename="../../gui/pdf_preview.py" line="105"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanResultDialog</name>
    <message numerus="yes">
        <location filename="../../gui/pages/calendar/page.py" line="721"/>
        <source>%n school(s) could not be placed:</source>
        <translation>
            <numerusform>%n school could not be placed:</numerusform>
            <numerusform>%n schools could not be placed:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProblemList</name>
    <message numerus="yes">
        <location filename="../../gui/dialogs.py" line="240"/>
        <source>%n problem(s) in all.</source>
        <translation>
            <numerusform>%n problem in all.</numerusform>
            <numerusform>%n problems in all.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProgressTab</name>
    <message numerus="yes">
        <location filename="../../gui/pages/archives/progress_tab.py" line="306"/>
        <source>%n day(s) left</source>
        <translation>
            <numerusform>%n day left</numerusform>
            <numerusform>%n days left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/archives/progress_tab.py" line="317"/>
        <source>%n school(s) lagging: {names}</source>
        <translation>
            <numerusform>%n school lagging: {names}</numerusform>
            <numerusform>%n schools lagging: {names}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SheetActions</name>
    <message numerus="yes">
        <location filename="../../gui/sheet_actions.py" line="152"/>
        <source>%n row(s) written to
{path}</source>
        <translation>
            <numerusform>%n row written to
{path}</numerusform>
            <numerusform>%n rows written to
{path}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrainingPage</name>
    <message numerus="yes">
        <location filename="../../gui/pages/training/page.py" line="271"/>
        <source>Delete %n training record(s)?</source>
        <translation>
            <numerusform>Delete %n training record?</numerusform>
            <numerusform>Delete %n training records?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_CountedWords</name>
    <message numerus="yes">
        <location filename="../../gui/pages/calendar/month_grid.py" line="220"/>
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/calendar/month_grid.py" line="223"/>
        <source>%n visit(s)</source>
        <translation>
            <numerusform>%n visit</numerusform>
            <numerusform>%n visits</numerusform>
        </translation>
    </message>
</context>
</TS>
