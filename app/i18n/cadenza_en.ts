<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BarCountSpinBox</name>
    <message numerus="yes">
        <location filename="../count_spin.py" line="+21"/>
        <source>%n bar(s)</source>
        <translation>
            <numerusform>%n bar</numerusform>
            <numerusform>%n bars</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ComposeMenu</name>
    <message numerus="yes">
        <location filename="../proposals/menu.py" line="+84"/>
        <source>Locked %n note(s): proposals keep locked notes</source>
        <translation>
            <numerusform>Locked %n note: proposals keep locked notes</numerusform>
            <numerusform>Locked %n notes: proposals keep locked notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Unlocked %n note(s): proposals keep locked notes</source>
        <translation>
            <numerusform>Unlocked %n note: proposals keep locked notes</numerusform>
            <numerusform>Unlocked %n notes: proposals keep locked notes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../main_window.py" line="+149"/>
        <source>%n track(s)</source>
        <translation>
            <numerusform>%n track</numerusform>
            <numerusform>%n tracks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n selected</source>
        <comment>notes</comment>
        <translation>
            <numerusform>%n selected</numerusform>
            <numerusform>%n selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NoteActions</name>
    <message numerus="yes">
        <location filename="../note_actions.py" line="+98"/>
        <source>Copied %n note(s)</source>
        <translation>
            <numerusform>Copied %n note</numerusform>
            <numerusform>Copied %n notes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProposalController</name>
    <message numerus="yes">
        <location filename="../proposals/controller.py" line="+148"/>
        <source>Writing %n take(s) of %1…</source>
        <translation>
            <numerusform>Writing %n take of %1…</numerusform>
            <numerusform>Writing %n takes of %1…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>%n take(s) in %1 s; [ and ] step through them, Keep applies one</source>
        <translation>
            <numerusform>%n take in %1 s; [ and ] step through them, Keep applies one</numerusform>
            <numerusform>%n takes in %1 s; [ and ] step through them, Keep applies one</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+39"/>
        <source>Composing a sketch of %n bar(s): %1…</source>
        <translation>
            <numerusform>Composing a sketch of %n bar: %1…</numerusform>
            <numerusform>Composing a sketch of %n bars: %1…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+62"/>
        <source>%n saved take(s) could not be read and were left out</source>
        <translation>
            <numerusform>%n saved take could not be read and were left out</numerusform>
            <numerusform>%n saved takes could not be read and were left out</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordController</name>
    <message numerus="yes">
        <location filename="../midi_input/recording.py" line="+124"/>
        <source>Recording into %1 after %n bar(s) count-in</source>
        <translation>
            <numerusform>Recording into %1 after %n bar count-in</numerusform>
            <numerusform>Recording into %1 after %n bars count-in</numerusform>
        </translation>
    </message>
</context>
</TS>
