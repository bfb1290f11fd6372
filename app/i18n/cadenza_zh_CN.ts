<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AudioExport</name>
    <message>
        <location filename="../audio_export.py" line="+103"/>
        <source>Rendering %1…</source>
        <translation>正在渲染 %1…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export audio</source>
        <translation>导出音频</translation>
    </message>
</context>
<context>
    <name>BarCountSpinBox</name>
    <message numerus="yes">
        <location filename="../count_spin.py" line="+21"/>
        <source>%n bar(s)</source>
        <translation>
            <numerusform>%n 小节</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BriefFields</name>
    <message>
        <location filename="../proposals/sketch_brief.py" line="+81"/>
        <source>Describe the piece, e.g. tense chase in D minor, 140 BPM, strings and taiko, 32 bars, builds to a hit at bar 17</source>
        <translation>描述这首曲子，例如：紧张的追逐，d小调，每分钟140拍，弦乐和太鼓，32小节，第17小节有一个冲击点</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read</source>
        <translation>读取</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fill the fields below from the description (nothing is composed yet)</source>
        <translation>根据描述填写下面各项（此时还不作曲）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Any (left to the model)</source>
        <translation>任意（由模型决定）</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+11"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>e.g. intro 4, verse 8, chorus 8</source>
        <translation>例如：前奏 4，主歌 8，副歌 8</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>exactly</source>
        <translation>原样重复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>varied</source>
        <translation>变化重复</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Not understood (left out): %1</source>
        <translation>未能理解（已忽略）：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every word understood.</source>
        <translation>全部理解。</translation>
    </message>
</context>
<context>
    <name>CallResponse</name>
    <message>
        <location filename="../midi_input/call_response.py" line="+76"/>
        <source>Call and response: record a phrase; the model answers when you stop</source>
        <translation>呼应：录一个乐句，停止后模型来应答</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call and response off</source>
        <translation>呼应已关闭</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Call and response: no notes to answer</source>
        <translation>呼应：没有可应答的音符</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Answering bars %1–%2 with bars %3–%4…</source>
        <translation>正在用第 %3–%4 小节应答第 %1–%2 小节…</translation>
    </message>
</context>
<context>
    <name>ChordLane</name>
    <message>
        <location filename="../roll/chord_lane.py" line="+143"/>
        <source>Not a chord: %1 (try Am7, F/C, Gsus4)</source>
        <translation>无法识别的和弦：%1（可写 Am7、F/C、Gsus4）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Remove chord</source>
        <translation>删除和弦</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Set chord</source>
        <translation>设置和弦</translation>
    </message>
</context>
<context>
    <name>ComposeMenu</name>
    <message>
        <location filename="../../composer/proposals/tasks.py" line="+38"/>
        <source>Generate &amp;melody</source>
        <translation>生成旋律(&amp;M)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Suggest &amp;chords</source>
        <translation>建议和弦(&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Generate &amp;bass</source>
        <translation>生成贝斯(&amp;B)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Generate &amp;accompaniment</source>
        <translation>生成伴奏(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Generate &amp;drums</source>
        <translation>生成鼓(&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Fill selection</source>
        <translation>填充所选区域(&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;ontinue</source>
        <translation>续写(&amp;O)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Variation (keep rhythm)</source>
        <translation>变奏（保留节奏）(&amp;V)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Variation (keep c&amp;ontour)</source>
        <translation>变奏（保留轮廓）(&amp;O)</translation>
    </message>
    <message>
        <location filename="../proposals/menu.py" line="+28"/>
        <source>&amp;Compose</source>
        <translation>作曲(&amp;C)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Generate (panel settings)</source>
        <translation>生成（按面板设置）(&amp;G)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Previous take</source>
        <translation>上一个候选(&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Next take</source>
        <translation>下一个候选(&amp;N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A&amp;udition take</source>
        <translation>试听候选(&amp;U)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Keep take</source>
        <translation>采用候选(&amp;K)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Discard take</source>
        <translation>舍弃候选(&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel generation</source>
        <translation>取消生成</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Lock selected notes</source>
        <translation>锁定所选音符(&amp;L)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Unlock selected notes</source>
        <translation>解锁所选音符(&amp;U)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear region</source>
        <translation>清除区域</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New &amp;sketch…</source>
        <translation>新草稿(&amp;S)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Learn a st&amp;yle…</source>
        <translation>学习风格(&amp;Y)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Originality &amp;reference folder…</source>
        <translation>原创性参考文件夹(&amp;R)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No originality reference folder</source>
        <translation>不使用原创性参考文件夹</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Proposals</source>
        <translation>AI 提议</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Select some notes to lock first</source>
        <translation>请先选择要锁定的音符</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Locked %n note(s): proposals keep locked notes</source>
        <translation>
            <numerusform>已锁定 %n 个音符：提议会保留锁定的音符</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Unlocked %n note(s): proposals keep locked notes</source>
        <translation>
            <numerusform>已解锁 %n 个音符：提议会保留锁定的音符</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choose at least one part</source>
        <translation>请至少选择一个声部</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Takes are also checked against the songs in %1</source>
        <translation>候选也将与 %1 中的歌曲比对</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Takes are checked against the training data only</source>
        <translation>候选仅与训练数据比对</translation>
    </message>
</context>
<context>
    <name>Edit</name>
    <message>
        <location filename="terms.py" line="+45"/>
        <source>Edit notes</source>
        <translation>编辑音符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change track</source>
        <translation>更改轨道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add track</source>
        <translation>添加轨道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete track</source>
        <translation>删除轨道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move track</source>
        <translation>移动轨道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change song</source>
        <translation>更改乐曲</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace song</source>
        <translation>替换乐曲</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step input</source>
        <translation>步进输入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record</source>
        <translation>录音</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat section</source>
        <translation>重复段落</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shape dynamics</source>
        <translation>塑造力度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Propose melody</source>
        <translation>提议旋律</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Propose chords</source>
        <translation>提议和弦</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Propose bass</source>
        <translation>提议贝斯</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Propose accompaniment</source>
        <translation>提议伴奏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Propose drums</source>
        <translation>提议鼓</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Propose fill</source>
        <translation>提议填充</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Propose continue</source>
        <translation>提议续写</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Propose variation-rhythm</source>
        <translation>提议变奏（保留节奏）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Propose variation-contour</source>
        <translation>提议变奏（保留轮廓）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add marker</source>
        <translation>添加标记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add hit point</source>
        <translation>添加冲击点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename marker</source>
        <translation>重命名标记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move marker</source>
        <translation>移动标记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete marker</source>
        <translation>删除标记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock marker to timecode</source>
        <translation>将标记锁定到时间码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unlock marker</source>
        <translation>解除标记锁定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit tempo to hits</source>
        <translation>按冲击点拟合速度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock track</source>
        <translation>锁定轨道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unlock track</source>
        <translation>解锁轨道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock notes</source>
        <translation>锁定音符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unlock notes</source>
        <translation>解锁音符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep take</source>
        <translation>采用候选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Generate takes</source>
        <translation>生成候选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard take</source>
        <translation>舍弃候选</translation>
    </message>
</context>
<context>
    <name>EditMenus</name>
    <message>
        <location filename="../edit_menus.py" line="+28"/>
        <source>Draw (drag sets length)</source>
        <translation>绘制（拖动决定时值）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>drag</source>
        <translation>拖动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy notes</source>
        <translation>复制音符</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Alt+drag</source>
        <translation>Alt+拖动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place without snap</source>
        <translation>不吸附放置</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+drag</source>
        <translation>Ctrl+拖动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add to selection</source>
        <translation>加入选择</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shift+click</source>
        <translation>Shift+单击</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom time</source>
        <translation>缩放时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+wheel</source>
        <translation>Ctrl+滚轮</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom pitch</source>
        <translation>缩放音高</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+wheel</source>
        <translation>Ctrl+Shift+滚轮</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scroll sideways</source>
        <translation>横向滚动</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shift+wheel</source>
        <translation>Shift+滚轮</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+7"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+8"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>&amp;Undo %1</source>
        <translation>撤销“%1”(&amp;U)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redo %1</source>
        <translation>重做“%1”(&amp;R)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paste at playhead</source>
        <translation>粘贴到播放头(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Duplicate</source>
        <translation>重复(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>De&amp;lete</source>
        <translation>删除(&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select &amp;all</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select &amp;none</source>
        <translation>取消选择(&amp;N)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Notes</source>
        <translation>音符(&amp;N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nudge left</source>
        <translation>左移一格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nudge right</source>
        <translation>右移一格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nudge left a bar</source>
        <translation>左移一小节</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nudge right a bar</source>
        <translation>右移一小节</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transpose up</source>
        <translation>向上移调</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transpose down</source>
        <translation>向下移调</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Octave up</source>
        <translation>升高八度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Octave down</source>
        <translation>降低八度</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quantize…</source>
        <translation>量化(&amp;Q)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Humanize</source>
        <translation>人性化(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Legato</source>
        <translation>连奏(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Velocity +10%</source>
        <translation>力度 +10%</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Velocity −10%</source>
        <translation>力度 −10%</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom in (time)</source>
        <translation>放大（时间）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom out (time)</source>
        <translation>缩小（时间）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom in (pitch)</source>
        <translation>放大（音高）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom out (pitch)</source>
        <translation>缩小（音高）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the track&apos;s notes</source>
        <translation>显示本轨道的音符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keyboard &amp;shortcuts…</source>
        <translation>键盘快捷键(&amp;S)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Quantize: select some notes first</source>
        <translation>量化：请先选择音符</translation>
    </message>
</context>
<context>
    <name>EditToolBar</name>
    <message>
        <location filename="../edit_toolbar.py" line="+26"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 tool (%2)</source>
        <translation>%1工具（%2）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> Snap </source>
        <translation> 吸附 </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Snap grid (hold Ctrl while dragging to place freely)</source>
        <translation>吸附网格（拖动时按住 Ctrl 可自由放置）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ghosts</source>
        <translation>虚影</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show other tracks&apos; notes dimmed</source>
        <translation>以暗色显示其他轨道的音符</translation>
    </message>
</context>
<context>
    <name>Energy</name>
    <message>
        <location filename="../proposals/sketch_brief.py" line="-85"/>
        <source>no build or fade</source>
        <translation>无起伏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>steady</source>
        <translation>平稳</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>builds</source>
        <translation>渐强</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fades</source>
        <translation>渐弱</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rises and falls</source>
        <translation>先强后弱</translation>
    </message>
</context>
<context>
    <name>FileController</name>
    <message>
        <location filename="../files.py" line="+53"/>
        <source>Songs and scores (%1)</source>
        <translation>乐曲和乐谱 (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cadenza projects (*.cadenza)</source>
        <translation>Cadenza 项目 (*.cadenza)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MIDI files (*.mid *.midi *.kar *.smf)</source>
        <translation>MIDI 文件 (*.mid *.midi *.kar *.smf)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MusicXML scores (*.musicxml *.xml *.mxl)</source>
        <translation>MusicXML 乐谱 (*.musicxml *.xml *.mxl)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Piano</source>
        <translation>钢琴</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1%2 — Cadenza</source>
        <translation>%1%2 — Cadenza</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the changes to %1?</source>
        <translation>保存对 %1 的更改吗？</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot open file</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Opened %1: %2 parts, %3 notes; save it as a Cadenza project to keep the editor state</source>
        <translation>已打开 %1：%2 个声部，%3 个音符；另存为 Cadenza 项目可保留编辑器状态</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Opened %1: save it as a Cadenza project to keep the editor state</source>
        <translation>已打开 %1：另存为 Cadenza 项目可保留编辑器状态</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cadenza project (*.cadenza)</source>
        <translation>Cadenza 项目 (*.cadenza)</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>untitled</source>
        <comment>file name</comment>
        <translation>未命名</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>MIDI file (*.mid)</source>
        <translation>MIDI 文件 (*.mid)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>MusicXML (*.musicxml *.xml *.mxl)</source>
        <translation>MusicXML (*.musicxml *.xml *.mxl)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export MIDI</source>
        <translation>导出 MIDI</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export MusicXML</source>
        <translation>导出 MusicXML</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+9"/>
        <source>Cannot save file</source>
        <translation>无法保存文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Import MIDI</source>
        <translation>导入 MIDI</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>MIDI files (*.mid *.midi *.kar)</source>
        <translation>MIDI 文件 (*.mid *.midi *.kar)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot import file</source>
        <translation>无法导入文件</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Autosave failed: %1</source>
        <translation>自动保存失败：%1</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>recovery file</source>
        <translation>恢复文件</translation>
    </message>
</context>
<context>
    <name>FileMenu</name>
    <message>
        <location filename="../file_menu.py" line="+29"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Play out repeats when opening a score</source>
        <translation>打开乐谱时展开反复</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A MusicXML score opens as it plays (repeats and endings written out); off, it keeps the written order</source>
        <translation>MusicXML 乐谱按演奏顺序打开（反复记号和跳房子段落逐一展开）；关闭时保持谱面上的顺序</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save &amp;as…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Import MIDI…</source>
        <translation>导入 MIDI(&amp;I)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export &amp;MIDI…</source>
        <translation>导出 MIDI(&amp;M)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export a&amp;udio (WAV/FLAC)…</source>
        <translation>导出音频 (WAV/FLAC)(&amp;U)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export s&amp;tems (one file per track)…</source>
        <translation>导出分轨(&amp;T)(每个轨道一个文件)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Normali&amp;ze exported audio to -1 dBFS</source>
        <translation>导出音频标准化到 -1 dBFS(&amp;Z)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scale each audio export so its loudest moment is at -1 dBFS (playback is quieter, to leave room)</source>
        <translation>每次导出音频时把最响处调整到 -1 dBFS（播放时音量较低，以留出余量）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export Music&amp;XML…</source>
        <translation>导出 MusicXML(&amp;X)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Export audio</source>
        <translation>导出音频</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WAV audio (*.wav);;FLAC audio (*.flac)</source>
        <translation>WAV 音频 (*.wav);;FLAC 音频 (*.flac)</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+35"/>
        <source>Cannot export audio</source>
        <translation>无法导出音频</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>%1: audio exports as .wav or .flac</source>
        <translation>%1：音频只能导出为 .wav 或 .flac</translation>
    </message>
</context>
<context>
    <name>FitTempoDialog</name>
    <message>
        <location filename="../fit_tempo_dialog.py" line="+34"/>
        <source>Fit tempo to hits</source>
        <translation>按冲击点拟合速度</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fit</source>
        <translation>拟合</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hit point</source>
        <translation>冲击点</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Timecode</source>
        <translation>时间码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target (bar.beat, or down)</source>
        <translation>目标（小节.拍，或“强拍”表示最近的小节线）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lands / error</source>
        <translation>落点 / 误差</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+46"/>
        <source>down</source>
        <translation>强拍</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>One constant tempo</source>
        <translation>一个恒定速度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A ramp from the first hit to the last</source>
        <translation>从第一个冲击点到最后一个冲击点渐变</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Hit points keep their timecode; the tempo map is replaced so they land on their targets. Timecode at %1 fps.</source>
        <translation>冲击点保持其时间码不变；速度图将被替换，使冲击点落在目标上。时间码为 %1 fps。</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>bar %1 beat %2: %3 ms, %4 frames</source>
        <translation>第 %1 小节第 %2 拍：%3 毫秒，%4 帧</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ramp %1 → %2 BPM (%3 tempo changes)</source>
        <translation>渐变 %1 → %2 BPM（%3 个速度变化）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tempo %1 BPM</source>
        <translation>速度 %1 BPM</translation>
    </message>
</context>
<context>
    <name>GmDrum</name>
    <message>
        <location filename="../tracks/gm.py" line="+185"/>
        <source>Acoustic Bass Drum</source>
        <translation>原声底鼓</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bass Drum 1</source>
        <translation>底鼓 1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Side Stick</source>
        <translation>鼓边敲击</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acoustic Snare</source>
        <translation>原声军鼓</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hand Clap</source>
        <translation>拍手</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Electric Snare</source>
        <translation>电子军鼓</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Low Floor Tom</source>
        <translation>低音落地嗵鼓</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed Hi-Hat</source>
        <translation>闭合踩镲</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>High Floor Tom</source>
        <translation>高音落地嗵鼓</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pedal Hi-Hat</source>
        <translation>踏板踩镲</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Low Tom</source>
        <translation>低音嗵鼓</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open Hi-Hat</source>
        <translation>开放踩镲</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Low-Mid Tom</source>
        <translation>中低音嗵鼓</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hi-Mid Tom</source>
        <translation>中高音嗵鼓</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crash Cymbal 1</source>
        <translation>强音镲 1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>High Tom</source>
        <translation>高音嗵鼓</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ride Cymbal 1</source>
        <translation>叮叮镲 1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chinese Cymbal</source>
        <translation>中国镲</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ride Bell</source>
        <translation>叮叮镲帽</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tambourine</source>
        <translation>铃鼓</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Splash Cymbal</source>
        <translation>水镲</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cowbell</source>
        <translation>牛铃</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crash Cymbal 2</source>
        <translation>强音镲 2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vibraslap</source>
        <translation>颤音器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ride Cymbal 2</source>
        <translation>叮叮镲 2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hi Bongo</source>
        <translation>高音邦戈鼓</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Low Bongo</source>
        <translation>低音邦戈鼓</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mute Hi Conga</source>
        <translation>闷音高音康加鼓</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open Hi Conga</source>
        <translation>开放高音康加鼓</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Low Conga</source>
        <translation>低音康加鼓</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>High Timbale</source>
        <translation>高音天巴鼓</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Low Timbale</source>
        <translation>低音天巴鼓</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>High Agogo</source>
        <translation>高音阿哥哥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Low Agogo</source>
        <translation>低音阿哥哥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cabasa</source>
        <translation>卡巴萨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maracas</source>
        <translation>沙锤</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Short Whistle</source>
        <translation>短哨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Long Whistle</source>
        <translation>长哨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Short Guiro</source>
        <translation>短刮瓜</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Long Guiro</source>
        <translation>长刮瓜</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Claves</source>
        <translation>响棒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hi Wood Block</source>
        <translation>高音木鱼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Low Wood Block</source>
        <translation>低音木鱼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mute Cuica</source>
        <translation>闷音库伊卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open Cuica</source>
        <translation>开放库伊卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mute Triangle</source>
        <translation>闷音三角铁</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open Triangle</source>
        <translation>开放三角铁</translation>
    </message>
</context>
<context>
    <name>GmFamily</name>
    <message>
        <location line="-214"/>
        <source>Piano</source>
        <translation>钢琴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chromatic Percussion</source>
        <translation>有音高打击乐</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organ</source>
        <translation>风琴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guitar</source>
        <translation>吉他</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bass</source>
        <translation>贝斯</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Strings</source>
        <translation>弦乐</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ensemble</source>
        <translation>合奏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Brass</source>
        <translation>铜管</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reed</source>
        <translation>簧管</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pipe</source>
        <translation>吹管</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Synth Lead</source>
        <translation>合成主音</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Synth Pad</source>
        <translation>合成铺底</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Synth Effects</source>
        <translation>合成效果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ethnic</source>
        <translation>民族乐器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Percussive</source>
        <translation>打击乐</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sound Effects</source>
        <translation>音效</translation>
    </message>
</context>
<context>
    <name>GmProgram</name>
    <message>
        <location line="+4"/>
        <source>Acoustic Grand Piano</source>
        <translation>原声大钢琴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bright Acoustic Piano</source>
        <translation>明亮原声钢琴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Electric Grand Piano</source>
        <translation>电子大钢琴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Honky-tonk Piano</source>
        <translation>酒吧钢琴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Electric Piano 1</source>
        <translation>电钢琴 1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Electric Piano 2</source>
        <translation>电钢琴 2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Harpsichord</source>
        <translation>羽管键琴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clavinet</source>
        <translation>击弦古钢琴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Celesta</source>
        <translation>钢片琴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Glockenspiel</source>
        <translation>钟琴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Music Box</source>
        <translation>八音盒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vibraphone</source>
        <translation>颤音琴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marimba</source>
        <translation>马林巴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xylophone</source>
        <translation>木琴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tubular Bells</source>
        <translation>管钟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dulcimer</source>
        <translation>扬琴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drawbar Organ</source>
        <translation>拉杆风琴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Percussive Organ</source>
        <translation>打击风琴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rock Organ</source>
        <translation>摇滚风琴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Church Organ</source>
        <translation>教堂管风琴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reed Organ</source>
        <translation>簧风琴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accordion</source>
        <translation>手风琴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Harmonica</source>
        <translation>口琴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tango Accordion</source>
        <translation>探戈手风琴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acoustic Guitar (nylon)</source>
        <translation>尼龙弦吉他</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acoustic Guitar (steel)</source>
        <translation>钢弦吉他</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Electric Guitar (jazz)</source>
        <translation>爵士电吉他</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Electric Guitar (clean)</source>
        <translation>清音电吉他</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Electric Guitar (muted)</source>
        <translation>闷音电吉他</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdriven Guitar</source>
        <translation>过载吉他</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Distortion Guitar</source>
        <translation>失真吉他</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guitar Harmonics</source>
        <translation>吉他泛音</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acoustic Bass</source>
        <translation>原声贝斯</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Electric Bass (finger)</source>
        <translation>指弹电贝斯</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Electric Bass (pick)</source>
        <translation>拨片电贝斯</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fretless Bass</source>
        <translation>无品贝斯</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slap Bass 1</source>
        <translation>击勾贝斯 1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slap Bass 2</source>
        <translation>击勾贝斯 2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Synth Bass 1</source>
        <translation>合成贝斯 1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Synth Bass 2</source>
        <translation>合成贝斯 2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Violin</source>
        <translation>小提琴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Viola</source>
        <translation>中提琴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cello</source>
        <translation>大提琴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contrabass</source>
        <translation>低音提琴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tremolo Strings</source>
        <translation>弦乐震音</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pizzicato Strings</source>
        <translation>弦乐拨奏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orchestral Harp</source>
        <translation>竖琴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timpani</source>
        <translation>定音鼓</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>String Ensemble 1</source>
        <translation>弦乐合奏 1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>String Ensemble 2</source>
        <translation>弦乐合奏 2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Synth Strings 1</source>
        <translation>合成弦乐 1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Synth Strings 2</source>
        <translation>合成弦乐 2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choir Aahs</source>
        <translation>合唱“啊”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voice Oohs</source>
        <translation>人声“哦”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Synth Choir</source>
        <translation>合成人声</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orchestra Hit</source>
        <translation>管弦乐齐奏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trumpet</source>
        <translation>小号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trombone</source>
        <translation>长号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tuba</source>
        <translation>大号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Muted Trumpet</source>
        <translation>弱音小号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>French Horn</source>
        <translation>圆号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Brass Section</source>
        <translation>铜管组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Synth Brass 1</source>
        <translation>合成铜管 1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Synth Brass 2</source>
        <translation>合成铜管 2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Soprano Sax</source>
        <translation>高音萨克斯</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alto Sax</source>
        <translation>中音萨克斯</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tenor Sax</source>
        <translation>次中音萨克斯</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Baritone Sax</source>
        <translation>上低音萨克斯</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Oboe</source>
        <translation>双簧管</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English Horn</source>
        <translation>英国管</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bassoon</source>
        <translation>大管</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clarinet</source>
        <translation>单簧管</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Piccolo</source>
        <translation>短笛</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flute</source>
        <translation>长笛</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recorder</source>
        <translation>竖笛</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pan Flute</source>
        <translation>排箫</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blown Bottle</source>
        <translation>吹瓶</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shakuhachi</source>
        <translation>尺八</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whistle</source>
        <translation>哨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ocarina</source>
        <translation>陶笛</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lead 1 (square)</source>
        <translation>主音 1（方波）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lead 2 (sawtooth)</source>
        <translation>主音 2（锯齿波）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lead 3 (calliope)</source>
        <translation>主音 3（汽笛风琴）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lead 4 (chiff)</source>
        <translation>主音 4（吹管）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lead 5 (charang)</source>
        <translation>主音 5（电吉他）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lead 6 (voice)</source>
        <translation>主音 6（人声）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lead 7 (fifths)</source>
        <translation>主音 7（五度）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lead 8 (bass + lead)</source>
        <translation>主音 8（贝斯 + 主音）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pad 1 (new age)</source>
        <translation>铺底 1（新世纪）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pad 2 (warm)</source>
        <translation>铺底 2（温暖）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pad 3 (polysynth)</source>
        <translation>铺底 3（复音合成）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pad 4 (choir)</source>
        <translation>铺底 4（合唱）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pad 5 (bowed)</source>
        <translation>铺底 5（弓弦）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pad 6 (metallic)</source>
        <translation>铺底 6（金属）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pad 7 (halo)</source>
        <translation>铺底 7（光环）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pad 8 (sweep)</source>
        <translation>铺底 8（扫频）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FX 1 (rain)</source>
        <translation>效果 1（雨声）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FX 2 (soundtrack)</source>
        <translation>效果 2（音轨）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FX 3 (crystal)</source>
        <translation>效果 3（水晶）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FX 4 (atmosphere)</source>
        <translation>效果 4（大气）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FX 5 (brightness)</source>
        <translation>效果 5（明亮）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FX 6 (goblins)</source>
        <translation>效果 6（鬼怪）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FX 7 (echoes)</source>
        <translation>效果 7（回声）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FX 8 (sci-fi)</source>
        <translation>效果 8（科幻）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sitar</source>
        <translation>西塔琴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Banjo</source>
        <translation>班卓琴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shamisen</source>
        <translation>三味线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Koto</source>
        <translation>日本筝</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kalimba</source>
        <translation>卡林巴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bagpipe</source>
        <translation>风笛</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fiddle</source>
        <translation>民间提琴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shanai</source>
        <translation>唢呐</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tinkle Bell</source>
        <translation>叮当铃</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agogo</source>
        <translation>阿哥哥鼓</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Steel Drums</source>
        <translation>钢鼓</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Woodblock</source>
        <translation>木鱼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taiko Drum</source>
        <translation>太鼓</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Melodic Tom</source>
        <translation>旋律嗵鼓</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Synth Drum</source>
        <translation>合成鼓</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reverse Cymbal</source>
        <translation>反向镲</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guitar Fret Noise</source>
        <translation>吉他换把噪声</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Breath Noise</source>
        <translation>呼吸声</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seashore</source>
        <translation>海浪声</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bird Tweet</source>
        <translation>鸟鸣</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Telephone Ring</source>
        <translation>电话铃</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Helicopter</source>
        <translation>直升机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applause</source>
        <translation>掌声</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gunshot</source>
        <translation>枪声</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Drum Kit</source>
        <translation>鼓组</translation>
    </message>
</context>
<context>
    <name>KeySelector</name>
    <message>
        <location filename="../key_selector.py" line="+36"/>
        <source>No key</source>
        <translation>无调</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key of the song</source>
        <translation>乐曲的调</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scale</source>
        <translation>音阶</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Highlight</source>
        <translation>高亮</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shade the rows outside the scale</source>
        <translation>把音阶外的行涂暗</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Snap to scale</source>
        <translation>吸附到音阶</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New and moved notes land on scale tones; arrows transpose by degree</source>
        <translation>新画和移动的音符落在音阶音上；方向键按音级移调</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Key</source>
        <translation>调</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Set key</source>
        <translation>设置调</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <location filename="__init__.py" line="+29"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <location filename="language_menu.py" line="+22"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Applies the next time Cadenza starts</source>
        <translation>下次启动 Cadenza 时生效</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(applies the next time Cadenza starts)</source>
        <translation>（下次启动 Cadenza 时生效）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Interface language saved: it applies the next time Cadenza starts</source>
        <translation>界面语言已保存：下次启动 Cadenza 时生效</translation>
    </message>
</context>
<context>
    <name>LearnDialog</name>
    <message>
        <location filename="../midi_input/learn.py" line="+49"/>
        <source>Play / stop</source>
        <translation>播放 / 停止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record</source>
        <translation>录音</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Metronome on/off</source>
        <translation>节拍器开/关</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tempo (knob, 40–240 BPM)</source>
        <translation>速度（旋钮，40–240 BPM）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Generate (Proposals panel)</source>
        <translation>生成（AI 提议面板）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adventurousness (knob, safe–wild)</source>
        <translation>大胆度（旋钮，稳妥–大胆）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>CC %1, any channel</source>
        <translation>CC %1，任意通道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CC %1, channel %2</source>
        <translation>CC %1，通道 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note %1, any channel</source>
        <translation>音符 %1，任意通道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note %1, channel %2</source>
        <translation>音符 %1，通道 %2</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>MIDI learn</source>
        <translation>MIDI 学习</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Control</source>
        <translation>控制器</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Learn</source>
        <translation>学习</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Press Learn, then move a knob or press a button or pad on the controller.</source>
        <translation>按“学习”，然后转动控制器上的旋钮，或按下按钮或打击垫。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>waiting for a control…</source>
        <translation>等待控制器…</translation>
    </message>
</context>
<context>
    <name>LearnStyleDialog</name>
    <message>
        <location filename="../proposals/learn_style.py" line="+52"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Learn a style</source>
        <translation>学习风格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cadenza learns from the MIDI, MusicXML and Cadenza files in a folder of your own pieces, on this computer. Some pieces are held out to measure the style.</source>
        <translation>Cadenza 在本机上从你的作品文件夹中的 MIDI、MusicXML 和 Cadenza 文件学习。部分作品会被留出，用来衡量这个风格。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A folder of your pieces</source>
        <translation>你的作品所在的文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. My film cues</source>
        <translation>例如：我的电影配乐</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Learn</source>
        <translation>学习</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Folder of your pieces</source>
        <translation>你的作品文件夹</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Choose a folder of your pieces first</source>
        <translation>请先选择你的作品文件夹</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Give the style a name</source>
        <translation>请给这个风格起个名字</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reading the pieces…</source>
        <translation>正在读取作品…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The learning process stopped unexpectedly; no style written</source>
        <translation>学习进程意外停止；未写入风格</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Learning: step %1, loss %2</source>
        <translation>学习中：第 %1 步，损失 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, about %1 left</source>
        <translation>，约剩 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Measuring on the held-out pieces…</source>
        <translation>正在用留出的作品衡量…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saving the style…</source>
        <translation>正在保存风格…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cancelled; no style written</source>
        <translation>已取消；未写入风格</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>It fits your held-out pieces better than the composer alone.</source>
        <translation>它比单独的作曲模型更贴近你留出的作品。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It did NOT fit your held-out pieces better than the composer alone.</source>
        <translation>它并没有比单独的作曲模型更贴近你留出的作品。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Style “%1” learned in %2.</source>
        <translation>风格“%1”已学完，用时 %2。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Held-out loss: %1 before, %2 after (lower is closer; %3 held-out piece(s)).</source>
        <translation>留出作品上的损失：之前 %1，之后 %2（越低越贴近；%3 首留出作品）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Learned from %1 piece(s) in %2 steps.</source>
        <translation>从 %1 首作品学习了 %2 步。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>notes a bar</source>
        <translation>每小节音符数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>notes-a-bar error</source>
        <translation>每小节音符数误差</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>range error</source>
        <translation>音域误差</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pitch-class distance</source>
        <translation>音级分布距离</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pitch use vs. your held-out pieces (key-relative distance)</source>
        <translation>与你留出作品的音高用法差距（按调内级数计）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>repeated bars</source>
        <translation>重复小节</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proposals into %1 held-out region(s), composer alone → with the style (the pieces themselves):</source>
        <translation>在 %1 个留出区域中的提议，单独的作曲模型 → 使用该风格（作品本身）：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Skipped %1 file(s):</source>
        <translation>跳过了 %1 个文件：</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="+88"/>
        <source>&amp;Transport</source>
        <translation>走带(&amp;T)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Insert tempo change at playhead</source>
        <translation>在播放头处插入速度变化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insert meter change at playhead</source>
        <translation>在播放头处插入拍号变化</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Timecode (frame rate, start offset)…</source>
        <translation>时间码（帧率、起始偏移）…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add marker at playhead</source>
        <translation>在播放头处添加标记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add hit point at playhead</source>
        <translation>在播放头处添加冲击点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add hit point at timecode…</source>
        <translation>在时间码处添加冲击点…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit tempo to hits…</source>
        <translation>按冲击点拟合速度…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt;opened&gt;</source>
        <translation>&lt;已打开&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>No audio output</source>
        <translation>无音频输出</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n track(s)</source>
        <translation>
            <numerusform>%n 条轨道</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n 个音符</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n selected</source>
        <comment>notes</comment>
        <translation>
            <numerusform>已选 %n 个</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MarkerLane</name>
    <message>
        <location filename="../roll/marker_lane.py" line="+74"/>
        <source>Marker</source>
        <translation>标记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add marker</source>
        <translation>添加标记</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hit</source>
        <translation>冲击点</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+15"/>
        <source>Add hit point</source>
        <translation>添加冲击点</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Timecode and name (%1 fps):</source>
        <translation>时间码和名称（%1 fps）：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot add hit point: %1</source>
        <translation>无法添加冲击点：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Rename marker</source>
        <translation>重命名标记</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location line="+132"/>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unlock from timecode (keep bar and beat)</source>
        <translation>解除时间码锁定（保留小节和拍）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lock to timecode (hit point)</source>
        <translation>锁定到时间码（冲击点）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add marker here</source>
        <translation>在此添加标记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add hit point here</source>
        <translation>在此添加冲击点</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add hit point at timecode…</source>
        <translation>在时间码处添加冲击点…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fit tempo to hits…</source>
        <translation>按冲击点拟合速度…</translation>
    </message>
</context>
<context>
    <name>MidiDevices</name>
    <message>
        <location filename="../midi_input/devices.py" line="+76"/>
        <source>Cannot open MIDI input %1: %2</source>
        <translation>无法打开 MIDI 输入 %1：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MIDI input %1 was disconnected</source>
        <translation>MIDI 输入 %1 已断开</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>MIDI input unavailable: %1</source>
        <translation>MIDI 输入不可用：%1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>MIDI input: %1</source>
        <translation>MIDI 输入：%1</translation>
    </message>
</context>
<context>
    <name>MidiImport</name>
    <message>
        <location filename="../midi_import.py" line="+46"/>
        <source>Import MIDI</source>
        <translation>导入 MIDI</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import %1</source>
        <translation>导入 %1</translation>
    </message>
</context>
<context>
    <name>MidiInput</name>
    <message>
        <location filename="../midi_input/midi_input.py" line="+110"/>
        <source>MIDI input is still starting</source>
        <translation>MIDI 输入仍在启动</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Call and response needs the composer&apos;s proposals</source>
        <translation>呼应需要作曲模型的提议功能</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Audio buffer %1 frames: applies the next time Cadenza starts</source>
        <translation>音频缓冲 %1 帧：下次启动 Cadenza 时生效</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>MIDI input unavailable</source>
        <translation>MIDI 输入不可用</translation>
    </message>
</context>
<context>
    <name>MidiMenu</name>
    <message>
        <location filename="../midi_input/toolbar.py" line="+78"/>
        <source>&amp;MIDI</source>
        <translation>MIDI(&amp;M)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Input &amp;device</source>
        <translation>输入设备(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rescan MIDI inputs</source>
        <translation>重新扫描 MIDI 输入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Record</source>
        <translation>录音(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record from the MIDI keyboard into the selected track at the playhead (R)</source>
        <translation>从 MIDI 键盘录音到所选轨道的播放头处（R）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Step input</source>
        <translation>步进输入(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Step input: each key or chord is written at the playhead, which moves on (N)</source>
        <translation>步进输入：每个音或和弦写在播放头处，播放头随之前进（N）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step input: rest</source>
        <translation>步进输入：休止</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Call and response</source>
        <translation>呼应(&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Call ⇄ answer</source>
        <translation>呼 ⇄ 应</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call and response: when a recording stops, the model answers the phrase with the next bars, and call and answer play</source>
        <translation>呼应：录音停止时，模型用接下来的几个小节应答这个乐句，然后连同应答一起播放</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>MIDI &amp;learn…</source>
        <translation>MIDI 学习(&amp;L)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MIDI and audio &amp;preferences…</source>
        <translation>MIDI 与音频首选项(&amp;P)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>● Rec</source>
        <translation>● 录音</translation>
    </message>
</context>
<context>
    <name>MidiToolBar</name>
    <message>
        <location line="-76"/>
        <source>No input</source>
        <translation>无输入</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>MIDI</source>
        <translation>MIDI</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> MIDI in </source>
        <translation> MIDI 输入 </translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+23"/>
        <source>The MIDI keyboard or controller to play, record and step-enter with</source>
        <translation>用于演奏、录音和步进输入的 MIDI 键盘或控制器</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>MIDI starting…</source>
        <translation>MIDI 正在启动…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Step input: the length of each step (&apos;Grid&apos; follows the snap grid)</source>
        <translation>步进输入：每一步的时值（“网格”跟随吸附网格）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>= phrase</source>
        <translation>= 乐句</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call and response: how many bars the model answers with (= phrase: as many as you played)</source>
        <translation>呼应：模型应答的小节数（= 乐句：与你演奏的一样多）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>MIDI input unavailable</source>
        <translation>MIDI 输入不可用</translation>
    </message>
</context>
<context>
    <name>MixController</name>
    <message>
        <location filename="../mix_settings.py" line="+40"/>
        <source>&amp;Mix…</source>
        <translation>混音(&amp;M)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Balance by role, reverb and chorus, for playback and audio exports</source>
        <translation>按角色平衡、混响与合唱效果,用于播放和音频导出</translation>
    </message>
</context>
<context>
    <name>MixDialog</name>
    <message>
        <location line="+73"/>
        <source>Mix</source>
        <translation>混音</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Balance the parts by role, so the melody leads</source>
        <translation>按角色平衡各声部,让旋律突出</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reverb</source>
        <translation>混响</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+5"/>
        <source>Amount</source>
        <translation>强度</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Room size</source>
        <translation>房间大小</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chorus</source>
        <translation>合唱效果</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Dry</source>
        <translation>干声</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No reverb and no chorus: for a mix engineer who adds their own room</source>
        <translation>不加混响和合唱效果:留给混音师加入自己的空间感</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Defaults</source>
        <translation>默认值</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>melody</source>
        <translation>旋律</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>bass</source>
        <translation>贝斯</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>drums</source>
        <translation>鼓</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>chords</source>
        <translation>和弦</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accompaniment</source>
        <translation>伴奏</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>other parts</source>
        <translation>其他声部</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On top of each track&apos;s volume, after levelling its instrument and how many notes it plays at once: %1</source>
        <translation>在每个轨道自身音量之上,先按乐器和同时发声的音符数拉平,再按角色:%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This song: %1</source>
        <translation>本曲:%1</translation>
    </message>
</context>
<context>
    <name>Mood</name>
    <message>
        <location filename="../proposals/sketch_brief.py" line="-16"/>
        <source>tense</source>
        <translation>紧张</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>dark</source>
        <translation>黑暗</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sad</source>
        <translation>悲伤</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>melancholy</source>
        <translation>忧郁</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nostalgic</source>
        <translation>怀旧</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>happy</source>
        <translation>欢快</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>playful</source>
        <translation>俏皮</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>calm</source>
        <translation>平静</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>gentle</source>
        <translation>温柔</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>romantic</source>
        <translation>浪漫</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dreamy</source>
        <translation>梦幻</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>mysterious</source>
        <translation>神秘</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>scary</source>
        <translation>恐怖</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>epic</source>
        <translation>史诗</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>heroic</source>
        <translation>英雄</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>triumphant</source>
        <translation>胜利</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>energetic</source>
        <translation>激昂</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>aggressive</source>
        <translation>愤怒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>solemn</source>
        <translation>庄严</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>hopeful</source>
        <translation>希望</translation>
    </message>
</context>
<context>
    <name>NoteActions</name>
    <message>
        <location filename="../note_actions.py" line="+42"/>
        <source>%1: select some notes first</source>
        <translation>%1：请先选择音符</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Nudge notes</source>
        <translation>微移音符</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+4"/>
        <source>Transpose</source>
        <translation>移调</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Transpose in scale</source>
        <translation>按音阶移调</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Duplicate notes</source>
        <translation>重复音符</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delete notes</source>
        <translation>删除音符</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>Copied %n note(s)</source>
        <translation>
            <numerusform>已复制 %n 个音符</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cut notes</source>
        <translation>剪切音符</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Quantize</source>
        <translation>量化</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Humanize</source>
        <translation>人性化</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Legato</source>
        <translation>连奏</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scale velocity</source>
        <translation>缩放力度</translation>
    </message>
</context>
<context>
    <name>NoteDrag</name>
    <message>
        <location filename="../roll/note_drag.py" line="+27"/>
        <source>Move notes</source>
        <translation>移动音符</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy notes</source>
        <translation>复制音符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resize notes</source>
        <translation>调整音符时值</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../midi_input/preferences_dialog.py" line="+36"/>
        <source>MIDI and audio preferences</source>
        <translation>MIDI 与音频首选项</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Overdub (keep what is there)</source>
        <translation>叠录（保留原有内容）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Replace (clear what the take covers)</source>
        <translation>替换（清除本次录音覆盖的内容）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quantize recorded notes to the snap grid</source>
        <translation>把录入的音符量化到吸附网格</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Metronome while recording</source>
        <translation>录音时开节拍器</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 frames (%2 ms)</source>
        <translation>%1 帧（%2 毫秒）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A new audio buffer size applies the next time Cadenza starts.
Smaller: the keyboard sounds sooner; larger: fewer dropouts on a busy machine.</source>
        <translation>新的音频缓冲大小在下次启动 Cadenza 时生效。
较小：按键出声更快；较大：机器繁忙时更少断音。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Automatic (every core but one)</source>
        <translation>自动（保留一个核心，其余全部使用）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CPU threads a proposal may use; the interface keeps one core for itself</source>
        <translation>生成提议可使用的处理器线程数；界面会为自己保留一个核心</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Count-in</source>
        <translation>预备拍</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recording</source>
        <translation>录音</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Audio buffer</source>
        <translation>音频缓冲</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Composer threads</source>
        <translation>作曲线程数</translation>
    </message>
</context>
<context>
    <name>ProposalController</name>
    <message>
        <location filename="../proposals/controller.py" line="+42"/>
        <source>Kept; Undo takes it back</source>
        <translation>已采用；撤销可还原</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take undone; it is still in the list (Keep applies it again)</source>
        <translation>已撤销该候选；它仍在列表中（“采用”可再次应用）</translation>
    </message>
    <message>
        <location line="+67"/>
        <location line="+27"/>
        <location line="+73"/>
        <source>A proposal is already running (Cancel stops it)</source>
        <translation>已有一个提议在运行（“取消”可停止）</translation>
    </message>
    <message>
        <location line="-84"/>
        <source>Add a track first</source>
        <translation>请先添加一条轨道</translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>Writing %n take(s) of %1…</source>
        <translation>
            <numerusform>正在写 %n 个%1候选…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n take(s) in %1 s; [ and ] step through them, Keep applies one</source>
        <translation>
            <numerusform>%1 秒生成 %n 个候选；用 [ 和 ] 逐个查看，“采用”应用其中一个</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Proposal failed: %1</source>
        <translation>提议失败：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancelled: nothing changed</source>
        <translation>已取消：未做任何更改</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 (UI delay ≤ %2 ms)</source>
        <translation>%1（界面延迟 ≤ %2 毫秒）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No proposals: %1</source>
        <translation>无法使用 AI 提议：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>Composing a sketch of %n bar(s): %1…</source>
        <translation>
            <numerusform>正在创作 %n 小节的草稿：%1…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+126"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location line="-120"/>
        <source>New sketch</source>
        <translation>新草稿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sketch written; Undo takes it back</source>
        <translation>草稿已写好；撤销可还原</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The song changed while the sketch was written; it was not applied</source>
        <translation>写草稿期间乐曲有改动；草稿未应用</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cannot keep this take: %1</source>
        <translation>无法采用这个候选：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+32"/>
        <source>%n saved take(s) could not be read and were left out</source>
        <translation>
            <numerusform>有 %n 个已保存的候选无法读取，已略过</numerusform>
        </translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Track %1</source>
        <translation>轨道 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No bars selected: Shift+drag on the ruler, or draw a rubber band over notes.</source>
        <translation>未选择小节：在标尺上按住 Shift 拖动，或框选音符。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bars %1–%2</source>
        <translation>第 %1–%2 小节</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bar %1</source>
        <translation>第 %1 小节</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tracks: %1 (locked: %2)</source>
        <translation>轨道：%1（已锁定：%2）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tracks: %1</source>
        <translation>轨道：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An empty song: try New sketch… below.</source>
        <translation>空白乐曲：试试下面的“新草稿…”。</translation>
    </message>
</context>
<context>
    <name>ProposalPanel</name>
    <message>
        <location filename="../proposals/panel.py" line="+28"/>
        <source>Auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sparse</source>
        <translation>稀疏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medium</source>
        <translation>适中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Busy</source>
        <translation>密集</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loosely</source>
        <translation>宽松</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closely</source>
        <translation>紧密</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ignore</source>
        <translation>忽略</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any</source>
        <translation>任意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Low (E1–G3)</source>
        <translation>低 (E1–G3)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Middle (C3–G5)</source>
        <translation>中 (C3–G5)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>High (C4–G6)</source>
        <translation>高 (C4–G6)</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+93"/>
        <source>Write</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="-92"/>
        <location line="+99"/>
        <source>Adventurous</source>
        <translation>大胆度</translation>
    </message>
    <message>
        <location line="-98"/>
        <location line="+99"/>
        <source>Density</source>
        <translation>密度</translation>
    </message>
    <message>
        <location line="-98"/>
        <location line="+99"/>
        <source>Range</source>
        <translation>音域</translation>
    </message>
    <message>
        <location line="-98"/>
        <location line="+99"/>
        <source>Follow chords</source>
        <translation>跟随和弦</translation>
    </message>
    <message>
        <location line="-98"/>
        <location line="+40"/>
        <source>Stay in key</source>
        <translation>保持在调内</translation>
    </message>
    <message>
        <location line="-39"/>
        <location line="+100"/>
        <source>Takes</source>
        <translation>候选数</translation>
    </message>
    <message>
        <location line="-99"/>
        <location line="+103"/>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location line="-102"/>
        <location line="+43"/>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location line="-42"/>
        <location line="+86"/>
        <source>Continue by</source>
        <translation>续写长度</translation>
    </message>
    <message>
        <location line="-85"/>
        <location line="+84"/>
        <source>Style</source>
        <translation>风格</translation>
    </message>
    <message>
        <location line="-83"/>
        <location line="+46"/>
        <source>Avoid close matches</source>
        <translation>避免相似片段</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Safe (1) to adventurous (10): how far the model strays from its first choices</source>
        <translation>稳妥 (1) 到大胆 (10)：模型偏离首选的程度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How many notes per bar</source>
        <translation>每小节的音符多少</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Loosely: chord tones favoured; closely: chord tones on the beats</source>
        <translation>宽松：偏向和弦音；紧密：拍点上用和弦音</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only the song&apos;s scale (off: the scale is only favoured)</source>
        <translation>只用乐曲的音阶（关闭：只是偏向音阶）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Keep this seed (off: a new seed for every Generate)</source>
        <translation>保留这个种子（关闭：每次生成换新种子）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A style learned from your own pieces (Compose › Learn a style…)</source>
        <translation>从你自己的作品学到的风格（作曲 › 学习风格…）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write a take again when it comes as close to a training piece (or a song of the reference folder) as real songs never do</source>
        <translation>若候选与某首训练曲目（或参考文件夹中的歌曲）的相似程度超过真实歌曲之间的水平，则重新生成</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write takes into the selected region (Ctrl+G)</source>
        <translation>把候选写进所选区域（Ctrl+G）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Takes kept with the project; click one to show it</source>
        <translation>随项目保存的候选；单击可显示</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Audition</source>
        <translation>试听</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep</source>
        <translation>采用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard</source>
        <translation>舍弃</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New sketch…</source>
        <translation>新草稿…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>safe</source>
        <translation>稳妥</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>wild</source>
        <translation>大胆</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Takes</source>
        <comment>the list of takes</comment>
        <translation>候选</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>, </source>
        <translation>；</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>— Generate %1 —</source>
        <translation>— 第 %1 次生成 —</translation>
    </message>
</context>
<context>
    <name>QuantizeDialog</name>
    <message>
        <location filename="../dialogs.py" line="+61"/>
        <source>Quantize</source>
        <translation>量化</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Quantize note ends too</source>
        <translation>同时量化音符结尾</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Strength</source>
        <translation>强度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Swing</source>
        <translation>摇摆</translation>
    </message>
</context>
<context>
    <name>RecordController</name>
    <message>
        <location filename="../midi_input/recording.py" line="+88"/>
        <source>Record: add a track first</source>
        <translation>录音：请先添加一条轨道</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record: %1</source>
        <translation>录音：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record: no MIDI input is connected (MIDI menu)</source>
        <translation>录音：没有连接 MIDI 输入（见 MIDI 菜单）</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>the track</source>
        <translation>该轨道</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Recording into %1 after %n bar(s) count-in</source>
        <translation>
            <numerusform>%n 小节预备拍后录音到 %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recording into %1</source>
        <translation>正在录音到 %1</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>%1; the recording up to then was kept</source>
        <translation>%1；此前录下的内容已保留</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Record: nothing was played</source>
        <translation>录音：没有演奏任何音符</translation>
    </message>
</context>
<context>
    <name>RecoveryOffer</name>
    <message>
        <location filename="../recovery_offer.py" line="+52"/>
        <source>Cannot recover</source>
        <translation>无法恢复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A recovery file is damaged and was set aside as %1: %2</source>
        <translation>一个恢复文件已损坏，已另存为 %1：%2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cadenza did not close properly. Recover the unsaved changes to %1?</source>
        <translation>Cadenza 上次未正常关闭。要恢复对 %1 未保存的更改吗？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cadenza did not close properly. Recover the unsaved changes to an untitled song?</source>
        <translation>Cadenza 上次未正常关闭。要恢复未命名乐曲中未保存的更改吗？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recover unsaved work</source>
        <translation>恢复未保存的工作</translation>
    </message>
</context>
<context>
    <name>RegionState</name>
    <message>
        <location filename="../proposals/region.py" line="+121"/>
        <source>Select bars first: Shift+drag on the ruler, or draw a rubber band over notes</source>
        <translation>请先选择小节：在标尺上按住 Shift 拖动，或框选音符</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every track of the region is locked: unlock one to write into it</source>
        <translation>区域内所有轨道都已锁定：解锁一条才能写入</translation>
    </message>
</context>
<context>
    <name>RenderThread</name>
    <message>
        <location filename="../audio_export.py" line="-38"/>
        <source>Export cancelled</source>
        <translation>导出已取消</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>silent, not normalized</source>
        <translation>无声，未标准化</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>silent</source>
        <translation>无声</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>normalized %1 dB, peak %2 dBFS</source>
        <translation>已标准化 %1 dB，峰值 %2 dBFS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>peak %1 dBFS</source>
        <translation>峰值 %1 dBFS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exported %1 (%2 s of audio, %3)</source>
        <translation>已导出 %1（音频 %2 秒，%3）</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <location filename="terms.py" line="-46"/>
        <source>melody</source>
        <translation>旋律</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>chords</source>
        <translation>和弦</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bass</source>
        <translation>贝斯</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accompaniment</source>
        <translation>伴奏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>drums</source>
        <translation>鼓</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>RollEditor</name>
    <message>
        <location filename="../roll/editor.py" line="+56"/>
        <source>Bar</source>
        <translation>小节</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Timecode</source>
        <translation>时间码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Markers</source>
        <translation>标记</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tempo</source>
        <translation>速度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chords</source>
        <translation>和弦</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Velocity</source>
        <translation>力度</translation>
    </message>
</context>
<context>
    <name>Scale</name>
    <message>
        <location filename="terms.py" line="-21"/>
        <source>major</source>
        <translation>大调</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>minor</source>
        <translation>小调</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>harmonic minor</source>
        <translation>和声小调</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>melodic minor</source>
        <translation>旋律小调</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dorian</source>
        <translation>多利亚</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>phrygian</source>
        <translation>弗里几亚</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lydian</source>
        <translation>利底亚</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mixolydian</source>
        <translation>混合利底亚</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>locrian</source>
        <translation>洛克里亚</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>major pentatonic</source>
        <translation>大调五声</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>minor pentatonic</source>
        <translation>小调五声</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>blues</source>
        <translation>布鲁斯</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>chromatic</source>
        <translation>半音阶</translation>
    </message>
</context>
<context>
    <name>ScoreExport</name>
    <message>
        <location filename="../score_export.py" line="+47"/>
        <source>Export MusicXML</source>
        <translation>导出 MusicXML</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
</context>
<context>
    <name>ScoreFiles</name>
    <message>
        <location filename="../score_files.py" line="+56"/>
        <source>Cannot open file</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Opening %1 cancelled</source>
        <translation>已取消打开 %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cannot save file</source>
        <translation>无法保存文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export of %1 cancelled</source>
        <translation>%1 的导出已取消</translation>
    </message>
</context>
<context>
    <name>ScoreOpen</name>
    <message>
        <location filename="../score_open.py" line="+86"/>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open score</source>
        <translation>打开乐谱</translation>
    </message>
</context>
<context>
    <name>Section</name>
    <message>
        <location filename="../proposals/sketch_brief.py" line="+11"/>
        <source>intro</source>
        <translation>前奏</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>verse</source>
        <translation>主歌</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pre-chorus</source>
        <translation>导歌</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>chorus</source>
        <translation>副歌</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bridge</source>
        <translation>桥段</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>interlude</source>
        <translation>间奏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>solo</source>
        <translation>独奏段</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>breakdown</source>
        <translation>过门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>outro</source>
        <translation>尾奏</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../session.py" line="+96"/>
        <source>Cannot %1: %2</source>
        <translation>无法%1：%2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Add a track first</source>
        <translation>请先添加一条轨道</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../dialogs.py" line="+28"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>Shots</name>
    <message>
        <location filename="shots.py" line="+41"/>
        <source>song</source>
        <translation>歌曲</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Melody</source>
        <translation>主旋律</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bass</source>
        <translation>低音贝斯</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Drums</source>
        <translation>鼓组</translation>
    </message>
</context>
<context>
    <name>SketchBrief</name>
    <message>
        <location filename="../proposals/sketch_brief.py" line="+12"/>
        <source>, </source>
        <translation>，</translation>
    </message>
</context>
<context>
    <name>SketchDialog</name>
    <message>
        <location filename="../proposals/sketch.py" line="+78"/>
        <source>New sketch</source>
        <translation>新草稿</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>A hit point: the sketch&apos;s most intense bar (0: none)</source>
        <translation>冲击点：草稿中最强烈的小节（0：无）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Style</source>
        <translation>风格</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mood</source>
        <translation>情绪</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key</source>
        <translation>调</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tempo</source>
        <translation>速度</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Meter</source>
        <translation>拍号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Length</source>
        <translation>长度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sections</source>
        <translation>段落</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Repeats</source>
        <translation>重复方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Energy</source>
        <translation>能量</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hit point at bar</source>
        <translation>冲击点所在小节</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parts</source>
        <translation>声部</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compose</source>
        <translation>作曲</translation>
    </message>
</context>
<context>
    <name>Snap</name>
    <message>
        <location filename="../roll/snap.py" line="+36"/>
        <source>Off</source>
        <translation>关</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 T</source>
        <comment>a triplet grid</comment>
        <translation>%1 三连音</translation>
    </message>
</context>
<context>
    <name>SoundRow</name>
    <message>
        <location filename="../video/sound.py" line="+30"/>
        <source>Mute the video&apos;s own sound (dialogue, effects, temp music)</source>
        <translation>将视频自带的声音静音（对白、音效、临时配乐）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Level of the video&apos;s sound against the music</source>
        <translation>视频声音相对于音乐的音量</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>No sound in this video</source>
        <translation>此视频没有声音</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Film sound muted</source>
        <translation>影片声音已静音</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Film sound on</source>
        <translation>影片声音开启</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 dB</source>
        <translation>%1 dB</translation>
    </message>
</context>
<context>
    <name>StemsDialog</name>
    <message>
        <location filename="../stems_dialog.py" line="+67"/>
        <source>Export stems</source>
        <translation>导出分轨</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 Hz</source>
        <translation>%1 Hz</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Normalized: one gain for every file puts the mix&apos;s peak at -1 dBFS.</source>
        <translation>已标准化:所有文件使用同一增益,使混音峰值为 -1 dBFS。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At the playback level (normalizing is off in the File menu).</source>
        <translation>使用播放电平(“文件”菜单中的标准化已关闭)。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>24-bit files, all the same length from the cue&apos;s start to the end of the last release, so they line up in any DAW; muted tracks get no file.</source>
        <translation>24 位文件,全部从配乐段开头到最后一个释音结束,长度相同,可在任何 DAW 中对齐;静音的轨道不导出文件。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cue name</source>
        <translation>配乐段名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sample rate</source>
        <translation>采样率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Name the cue: the files are called after it.</source>
        <translation>请为配乐段命名:文件以它命名。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A cue name cannot contain any of %1</source>
        <translation>配乐段名称不能包含以下任何字符:%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a folder that exists.</source>
        <translation>请选择一个存在的文件夹。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every track is muted: there is nothing to export.</source>
        <translation>所有轨道都已静音:没有可导出的内容。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 (the mix)</source>
        <translation>%1(混音)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export stems to</source>
        <translation>导出分轨到</translation>
    </message>
</context>
<context>
    <name>StemsExport</name>
    <message>
        <location line="-85"/>
        <source>Export stems</source>
        <translation>导出分轨</translation>
    </message>
</context>
<context>
    <name>StemsThread</name>
    <message>
        <location line="-15"/>
        <source>Exported %1 files to %2: the mix %3 and one per track (%4 s of audio, %5 Hz, mix peak %6 dBFS)</source>
        <translation>已导出 %1 个文件到 %2:混音 %3 以及每个轨道各一个(%4 秒音频,%5 Hz,混音峰值 %6 dBFS)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Some samples went over full scale and were clipped: turn on normalizing.</source>
        <translation>部分采样超出满刻度而被削波:请开启标准化。</translation>
    </message>
</context>
<context>
    <name>StepMode</name>
    <message>
        <location filename="../midi_input/step_mode.py" line="+56"/>
        <source>Step input: add a track first</source>
        <translation>步进输入：请先添加一条轨道</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Step input: play notes or chords; 0 or the sustain pedal for a rest</source>
        <translation>步进输入：弹奏音符或和弦；按 0 或延音踏板输入休止</translation>
    </message>
</context>
<context>
    <name>Style</name>
    <message>
        <location filename="../proposals/sketch_brief.py" line="-46"/>
        <source>Pop</source>
        <translation>流行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folk</source>
        <translation>民谣</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Art song</source>
        <translation>艺术歌曲</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orchestral</source>
        <translation>管弦乐</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>String quartet</source>
        <translation>弦乐四重奏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keyboard (rag, hymn)</source>
        <translation>键盘（拉格泰姆、赞美诗）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Game and rock</source>
        <translation>游戏与摇滚</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drum groove</source>
        <translation>鼓律动</translation>
    </message>
</context>
<context>
    <name>Take</name>
    <message>
        <location filename="../proposals/takes.py" line="+16"/>
        <source>✓ kept · </source>
        <translation>✓ 已采用 · </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>bar %1</source>
        <translation>第 %1 小节</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bars %1–%2</source>
        <translation>第 %1–%2 小节</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>seed %1</source>
        <translation>种子 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>adv %1</source>
        <translation>大胆度 %1</translation>
    </message>
</context>
<context>
    <name>TakeAudition</name>
    <message>
        <location filename="../proposals/audition.py" line="+51"/>
        <source>Cannot play this take: %1</source>
        <translation>无法播放这个候选：%1</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <location filename="../../composer/proposals/tasks.py" line="-18"/>
        <source>Melody</source>
        <translation>旋律</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>melody</source>
        <translation>旋律</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chords</source>
        <translation>和弦</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>chords</source>
        <translation>和弦</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bass</source>
        <translation>贝斯</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>bass line</source>
        <translation>贝斯声部</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accompaniment</source>
        <translation>伴奏</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>accompaniment</source>
        <translation>伴奏</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Drums</source>
        <translation>鼓</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>drums</source>
        <translation>鼓</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fill selection</source>
        <translation>填充所选区域</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>fill</source>
        <translation>填充</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Continue</source>
        <translation>续写</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>continuation</source>
        <translation>续写</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Variation (keep rhythm)</source>
        <translation>变奏（保留节奏）</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>variation</source>
        <translation>变奏</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Variation (keep contour)</source>
        <translation>变奏（保留轮廓）</translation>
    </message>
</context>
<context>
    <name>TempoLane</name>
    <message>
        <location filename="../roll/tempo_lane.py" line="+118"/>
        <source>Add tempo change</source>
        <translation>添加速度变化</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Move tempo change</source>
        <translation>移动速度变化</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+167"/>
        <source>Delete tempo change</source>
        <translation>删除速度变化</translation>
    </message>
    <message>
        <location line="-157"/>
        <source>A ramp needs a tempo change after this one</source>
        <translation>渐变需要在此之后还有一个速度变化</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tempo ramp</source>
        <translation>速度渐变</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Meter change</source>
        <translation>拍号变化</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Meter (e.g. 7/8):</source>
        <translation>拍号（例如 7/8）：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is not a meter like 3/4</source>
        <translation>%1 不是 3/4 这样的拍号</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot change meter: %1</source>
        <translation>无法更改拍号：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add meter change</source>
        <translation>添加拍号变化</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Delete meter change</source>
        <translation>删除拍号变化</translation>
    </message>
    <message>
        <location line="+127"/>
        <source>Ramp between the selected changes</source>
        <translation>在所选速度变化之间渐变</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ramp to the next change</source>
        <translation>渐变到下一个速度变化</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add tempo change here (%1 BPM)</source>
        <translation>在此添加速度变化（%1 BPM）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add meter change at this bar…</source>
        <translation>在此小节添加拍号变化…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete meter change %1</source>
        <translation>删除拍号变化 %1</translation>
    </message>
</context>
<context>
    <name>TimecodeDialog</name>
    <message>
        <location filename="../timecode_dialog.py" line="+23"/>
        <source>Timecode</source>
        <translation>时间码</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The timecode of the song&apos;s start (bar 1), e.g. 01:00:10:00</source>
        <translation>歌曲开始处（第 1 小节）的时间码，例如 01:00:10:00</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Frame rate</source>
        <translation>帧率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start offset</source>
        <translation>起始偏移</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>29.97 fps drop-frame</source>
        <translation>29.97 fps 丢帧</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>29.97 fps non-drop</source>
        <translation>29.97 fps 不丢帧</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Change timecode</source>
        <translation>更改时间码</translation>
    </message>
</context>
<context>
    <name>Tool</name>
    <message>
        <location filename="../roll/tools.py" line="+69"/>
        <source>Select</source>
        <translation>选择</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Draw</source>
        <translation>绘制</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+62"/>
        <source>Erase notes</source>
        <translation>擦除音符</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Draw note</source>
        <translation>绘制音符</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Erase</source>
        <translation>擦除</translation>
    </message>
</context>
<context>
    <name>TrackList</name>
    <message>
        <location filename="../tracks/track_list.py" line="+36"/>
        <location line="+90"/>
        <source>Add track</source>
        <translation>添加轨道</translation>
    </message>
    <message>
        <location line="-89"/>
        <location line="+97"/>
        <source>Duplicate track</source>
        <translation>复制轨道</translation>
    </message>
    <message>
        <location line="-96"/>
        <source>Delete track</source>
        <translation>删除轨道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move track up</source>
        <translation>上移轨道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move track down</source>
        <translation>下移轨道</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Change %1</source>
        <translation>更改%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>instrument</source>
        <translation>乐器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mute</source>
        <translation>静音</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>solo</source>
        <translation>独奏</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>volume</source>
        <translation>音量</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>pan</source>
        <translation>声像</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Track %1</source>
        <translation>轨道 %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 copy</source>
        <translation>%1 副本</translation>
    </message>
</context>
<context>
    <name>TrackRow</name>
    <message>
        <location filename="../tracks/track_row.py" line="+62"/>
        <source>Track name: double-click to rename</source>
        <translation>轨道名称：双击可重命名</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What this track does (the composer uses it)</source>
        <translation>这条轨道的角色（作曲模型会用到）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>General MIDI instrument</source>
        <translation>通用 MIDI (GM) 乐器</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>M</source>
        <comment>mute button</comment>
        <translation>M</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mute</source>
        <translation>静音</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S</source>
        <comment>solo button</comment>
        <translation>S</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Solo</source>
        <translation>独奏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock: proposals keep this track as it is</source>
        <translation>锁定：提议不改动这条轨道</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Volume</source>
        <translation>音量</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pan</source>
        <translation>声像</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>Track %1</source>
        <translation>轨道 %1</translation>
    </message>
</context>
<context>
    <name>Transport</name>
    <message>
        <location filename="../transport.py" line="+43"/>
        <source>Play / Stop</source>
        <translation>播放 / 停止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return to Start</source>
        <translation>回到开头</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loop Region</source>
        <translation>循环区域</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Metronome</source>
        <translation>节拍器</translation>
    </message>
</context>
<context>
    <name>TransportBar</name>
    <message>
        <location filename="../transport_bar.py" line="+29"/>
        <source>Transport</source>
        <translation>走带</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Return to start (Home)</source>
        <translation>回到开头（Home）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Play / stop (Space)</source>
        <translation>播放 / 停止（空格）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>⟳ Loop</source>
        <translation>⟳ 循环</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Loop the region dragged on the ruler (Ctrl+L)</source>
        <translation>循环播放在标尺上拖出的区域（Ctrl+L）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Click</source>
        <translation>节拍器</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Metronome (K)</source>
        <translation>节拍器（K）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tempo at the playhead</source>
        <translation>播放头处的速度</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Beats per bar at the playhead</source>
        <translation>播放头处每小节的拍数</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Beat unit at the playhead</source>
        <translation>播放头处的拍子单位</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Bar.beat.tick and timecode at %1 fps (click to change the frame rate or the start offset)</source>
        <translation>小节.拍.嘀嗒 与 %1 帧/秒 的时间码（点击可更改帧率或起始偏移）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Change tempo</source>
        <translation>更改速度</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Change meter</source>
        <translation>更改拍号</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Insert meter change</source>
        <translation>插入拍号变化</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Insert tempo change</source>
        <translation>插入速度变化</translation>
    </message>
</context>
<context>
    <name>VelocityLane</name>
    <message>
        <location filename="../roll/velocity_lane.py" line="+100"/>
        <source>Change velocity</source>
        <translation>更改力度</translation>
    </message>
</context>
<context>
    <name>VideoController</name>
    <message>
        <location filename="../video/controller.py" line="+68"/>
        <location line="+187"/>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <location line="-179"/>
        <location line="+180"/>
        <source>No video: File › Open video…</source>
        <translation>没有视频：文件 › 打开视频…</translation>
    </message>
    <message>
        <location line="-161"/>
        <source>Open video</source>
        <translation>打开视频</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Video files (%1)</source>
        <translation>视频文件 (%1)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot open video</source>
        <translation>无法打开视频</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Opened video %1: %2×%3, %4 fps, %5 frames</source>
        <translation>已打开视频 %1：%2×%3，%4 帧/秒，共 %5 帧</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Video removed from the project</source>
        <translation>已从项目中移除视频</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The project&apos;s video cannot be opened: %1</source>
        <translation>无法打开项目的视频：%1</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+15"/>
        <source>Cannot place the video</source>
        <translation>无法放置视频</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Place video</source>
        <translation>放置视频</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timecode of the video&apos;s first frame (the song starts at %1):</source>
        <translation>视频第一帧的时间码（歌曲从 %1 开始）：</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Video — %1</source>
        <translation>视频 — %1</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>The picture starts in %1 s</source>
        <translation>画面将在 %1 秒后开始</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The picture has ended</source>
        <translation>画面已结束</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Frame %1 of %2 · %3 · %4 fps</source>
        <translation>第 %1 帧，共 %2 帧 · %3 · %4 帧/秒</translation>
    </message>
    <message>
        <location filename="../video/install.py" line="+24"/>
        <source>Open &amp;video…</source>
        <translation>打开视频(&amp;V)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Place video…</source>
        <translation>放置视频(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove vi&amp;deo</source>
        <translation>移除视频(&amp;D)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Back one frame</source>
        <translation>后退一帧</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forward one frame</source>
        <translation>前进一帧</translation>
    </message>
</context>
</TS>
