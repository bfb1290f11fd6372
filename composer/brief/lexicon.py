"""The words a sketch brief is read with, in English and Simplified Chinese (docs/BRIEF.md lists them).

A brief is read by lookup, never by guessing: each phrase below says what it
means as a few facts (a style, a mood, an instrument, a tempo word, ...). A
tempo word is a "tempo_word" fact: weaker than a written BPM, it fills in only
where no number was given.
Phrases that carry a number (140 bpm, 32 bars, 第17小节, verse 8) are patterns
in composer.brief.reader; everything here is a plain phrase. Longer phrases
win over shorter ones ("string quartet" over "string", "电吉他" over "吉他").
The Chinese music words follow docs/GLOSSARY.zh-CN.md where they meet the
interface (旋律, 和弦, 伴奏, 贝斯, 鼓, 小节).
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Instrument:
    """A sound a brief can ask for: its GM program and the sketch parts it can play, most likely first."""
    name: str                  # canonical English name (what the sketch's track is called)
    program: int               # General MIDI program (0-based); for percussion, the sound's program
    parts: tuple[str, ...]     # sketch parts in order of preference
    bass_program: int | None = None   # a section's own bass (strings -> contrabass), when it covers the bass


@dataclass(frozen=True)
class Mood:
    """What a mood word implies where the brief says nothing more specific."""
    mode: str | None           # major / minor / None (either)
    tempo: int | None          # BPM
    energy: float              # 0 calm .. 1 intense: density, register and velocity follow it
    register: int = 0          # -1 lower, 0 as usual, +1 higher melody


INSTRUMENTS: dict[str, Instrument] = {i.name: i for i in (
    Instrument("piano", 0, ("accompaniment", "melody", "bass"), 0),
    Instrument("electric piano", 4, ("accompaniment", "melody")),
    Instrument("harpsichord", 6, ("accompaniment", "melody"), 6),
    Instrument("celesta", 8, ("melody", "accompaniment")),
    Instrument("glockenspiel", 9, ("melody",)),
    Instrument("music box", 10, ("melody", "accompaniment")),
    Instrument("vibraphone", 11, ("melody", "accompaniment")),
    Instrument("marimba", 12, ("melody", "accompaniment")),
    Instrument("xylophone", 13, ("melody",)),
    Instrument("organ", 19, ("accompaniment", "melody"), 19),
    Instrument("accordion", 21, ("melody", "accompaniment")),
    Instrument("harmonica", 22, ("melody",)),
    Instrument("nylon guitar", 24, ("accompaniment", "melody")),
    Instrument("acoustic guitar", 25, ("accompaniment", "melody")),
    Instrument("electric guitar", 29, ("melody", "accompaniment")),
    Instrument("distortion guitar", 30, ("melody", "accompaniment")),
    Instrument("acoustic bass", 32, ("bass",)),
    Instrument("electric bass", 33, ("bass",)),
    Instrument("synth bass", 38, ("bass",)),
    Instrument("violin", 40, ("melody", "accompaniment")),
    Instrument("viola", 41, ("accompaniment", "melody")),
    Instrument("cello", 42, ("bass", "melody", "accompaniment")),
    Instrument("contrabass", 43, ("bass",)),
    Instrument("pizzicato strings", 45, ("accompaniment", "bass"), 45),
    Instrument("harp", 46, ("accompaniment", "melody")),
    Instrument("timpani", 47, ("drums",)),
    Instrument("strings", 48, ("accompaniment", "melody", "bass"), 43),
    Instrument("choir", 52, ("accompaniment", "melody")),
    Instrument("voice", 53, ("melody",)),
    Instrument("trumpet", 56, ("melody",)),
    Instrument("trombone", 57, ("melody", "bass"), 57),
    Instrument("tuba", 58, ("bass",)),
    Instrument("horn", 60, ("melody", "accompaniment")),
    Instrument("brass", 61, ("accompaniment", "melody", "bass"), 58),
    Instrument("saxophone", 65, ("melody",)),
    Instrument("oboe", 68, ("melody",)),
    Instrument("english horn", 69, ("melody",)),
    Instrument("bassoon", 70, ("bass", "melody")),
    Instrument("clarinet", 71, ("melody", "accompaniment")),
    Instrument("piccolo", 72, ("melody",)),
    Instrument("flute", 73, ("melody",)),
    Instrument("recorder", 74, ("melody",)),
    Instrument("dizi", 73, ("melody",)),
    Instrument("shakuhachi", 77, ("melody",)),
    Instrument("whistle", 78, ("melody",)),
    Instrument("synth lead", 80, ("melody",)),
    Instrument("synth", 81, ("melody", "accompaniment")),
    Instrument("synth pad", 89, ("accompaniment",)),
    Instrument("pipa", 106, ("melody", "accompaniment")),
    Instrument("guzheng", 107, ("melody", "accompaniment")),
    Instrument("bagpipe", 109, ("melody",)),
    Instrument("erhu", 110, ("melody",)),
    Instrument("taiko", 116, ("drums",)),
    Instrument("drums", 0, ("drums",)),
    Instrument("percussion", 0, ("drums",)),
)}

MOODS: dict[str, Mood] = {
    "tense": Mood("minor", 132, 0.8),
    "dark": Mood("minor", 84, 0.55, -1),
    "sad": Mood("minor", 68, 0.3, -1),
    "melancholy": Mood("minor", 72, 0.3),
    "nostalgic": Mood("major", 80, 0.35),
    "happy": Mood("major", 120, 0.65, 1),
    "playful": Mood("major", 116, 0.55, 1),
    "calm": Mood(None, 72, 0.2),
    "gentle": Mood("major", 72, 0.25),
    "romantic": Mood("major", 76, 0.4),
    "dreamy": Mood("major", 76, 0.3, 1),
    "mysterious": Mood("minor", 80, 0.4),
    "scary": Mood("minor", 70, 0.5, -1),
    "epic": Mood("minor", 100, 0.9),
    "heroic": Mood("major", 112, 0.85, 1),
    "triumphant": Mood("major", 120, 0.9, 1),
    "energetic": Mood(None, 140, 0.9),
    "aggressive": Mood("minor", 150, 0.95, -1),
    "solemn": Mood("minor", 60, 0.4, -1),
    "hopeful": Mood("major", 96, 0.5, 1),
}

# Italian tempo words and plain ones: the middle of each mark's usual range (BPM).
TEMPO_WORDS = {"largo": 50, "lento": 56, "adagio": 66, "andante": 80, "moderato": 100, "allegretto": 112,
               "allegro": 132, "vivace": 150, "presto": 170, "slow": 70, "medium": 100, "fast": 140}

ENERGY_SHAPES = ("build", "fade", "arc", "steady")

# Section names a brief may use, and the length a section gets when the brief gives none (bars).
SECTION_BARS = {"intro": 4, "verse": 8, "pre-chorus": 4, "chorus": 8, "bridge": 8, "interlude": 4, "solo": 8,
                "breakdown": 4, "outro": 4}


def _facts(*pairs: tuple[str, object]) -> tuple[tuple[str, object], ...]:
    return pairs


def _english() -> dict[str, tuple]:
    table: dict[str, tuple] = {}
    styles = {
        "pop": ("pop", "ballad", "pop song", "love song", "power ballad", "k-pop", "j-pop", "c-pop", "mandopop"),
        "folk": ("folk", "folk song", "celtic", "irish", "jig", "reel", "hornpipe", "country", "bluegrass"),
        "art_song": ("art song", "lied", "lieder", "song cycle", "chanson", "aria"),
        "orchestral": ("orchestral", "orchestra", "symphonic", "cinematic", "film score", "movie score",
                       "trailer", "score"),
        "string_quartet": ("string quartet", "quartet", "chamber music", "chamber"),
        "keyboard": ("keyboard", "solo piano", "piano piece", "piano solo", "ragtime", "rag", "hymn", "chorale",
                     "nocturne", "etude", "prelude"),
        "game_rock": ("game", "video game", "game music", "rock", "metal", "punk", "boss battle", "battle theme",
                      "chiptune", "8-bit", "action", "boss"),
        "drum_grooves": ("drum groove", "groove", "beat", "drum loop", "funk", "hip hop", "hip-hop"),
    }
    for style, words in styles.items():
        for word in words:
            table[word] = _facts(("style", style))
    for word in ("solo piano", "piano piece", "piano solo", "nocturne"):
        table[word] += _facts(("instrument", "piano"))
    table["waltz"] = _facts(("meter", (3, 4)))
    table["march"] = _facts(("meter", (2, 4)), ("tempo_word", 116))
    table["lullaby"] = _facts(("mood", "gentle"), ("meter", (6, 8)))
    for name in INSTRUMENTS:
        table[name] = _facts(("instrument", name))
    aliases = {
        "pianos": "piano", "grand piano": "piano", "keys": "electric piano", "rhodes": "electric piano",
        "e-piano": "electric piano", "glock": "glockenspiel", "vibes": "vibraphone", "church organ": "organ",
        "guitar": "acoustic guitar", "guitars": "acoustic guitar", "classical guitar": "nylon guitar",
        "electric guitars": "electric guitar", "distorted guitar": "distortion guitar",
        "bass guitar": "electric bass", "bass": "electric bass", "upright bass": "acoustic bass",
        "double bass": "contrabass", "double basses": "contrabass", "violins": "violin", "fiddle": "violin",
        "violas": "viola", "cellos": "cello", "string section": "strings", "string orchestra": "strings",
        "string": "strings", "pizzicato": "pizzicato strings", "harps": "harp", "choirs": "choir",
        "chorus choir": "choir", "vocals": "voice", "vocal": "voice", "singer": "voice", "trumpets": "trumpet",
        "trombones": "trombone", "french horn": "horn", "french horns": "horn", "horns": "horn",
        "brass section": "brass", "sax": "saxophone", "oboes": "oboe", "cor anglais": "english horn",
        "bassoons": "bassoon", "clarinets": "clarinet", "flutes": "flute", "pan flute": "shakuhachi",
        "tin whistle": "whistle", "synths": "synth", "synthesizer": "synth", "lead synth": "synth lead",
        "pad": "synth pad", "pads": "synth pad", "taiko drums": "taiko", "timpani drums": "timpani",
        "drum kit": "drums", "drum": "drums", "kit": "drums", "toms": "drums",
        "woodwinds": "flute", "winds": "flute",
    }
    for alias, name in aliases.items():
        table[alias] = _facts(("instrument", name))
    mood_words = {
        "tense": ("tense", "tension", "suspense", "suspenseful", "anxious", "nervous", "urgent", "chase",
                  "thriller", "stealth"),
        "dark": ("dark", "brooding", "ominous", "sinister", "gloomy", "night"),
        "sad": ("sad", "sorrowful", "tragic", "grief", "mournful", "lament", "tearful", "heartbreaking"),
        "melancholy": ("melancholy", "melancholic", "wistful", "bittersweet", "lonely"),
        "nostalgic": ("nostalgic", "memories", "reminiscent"),
        "happy": ("happy", "joyful", "cheerful", "bright", "sunny", "uplifting", "upbeat", "fun", "festive"),
        "playful": ("playful", "quirky", "whimsical", "cute", "bouncy", "light-hearted", "lighthearted"),
        "calm": ("calm", "peaceful", "relaxed", "relaxing", "serene", "quiet", "ambient", "meditative",
                 "tranquil", "still"),
        "gentle": ("gentle", "soft", "tender", "warm", "sweet", "delicate", "intimate"),
        "romantic": ("romantic", "love", "loving", "passionate"),
        "dreamy": ("dreamy", "dreamlike", "ethereal", "floating", "magical", "fairy-tale", "fairytale"),
        "mysterious": ("mysterious", "mystery", "eerie", "strange", "enigmatic", "puzzle"),
        "scary": ("scary", "horror", "creepy", "fear", "haunted", "spooky"),
        "epic": ("epic", "grand", "majestic", "massive", "huge", "powerful"),
        "heroic": ("heroic", "hero", "adventure", "adventurous", "brave", "noble"),
        "triumphant": ("triumphant", "victory", "victorious", "celebration", "fanfare"),
        "energetic": ("energetic", "driving", "intense", "exciting", "lively", "dance", "fight", "running",
                      "battle", "combat", "war"),
        "aggressive": ("aggressive", "angry", "furious", "brutal", "violent"),
        "solemn": ("solemn", "funeral", "requiem", "sacred", "reverent"),
        "hopeful": ("hopeful", "inspiring", "inspirational", "optimistic", "sunrise", "dawn"),
    }
    for mood, words in mood_words.items():
        for word in words:
            table[word] = _facts(("mood", mood))
    tempo_words = {**{w: w for w in TEMPO_WORDS}, "slowly": "slow", "mid-tempo": "medium", "midtempo": "medium",
                   "moderate": "medium", "quick": "fast", "quickly": "fast", "rapid": "fast", "very fast": "presto",
                   "very slow": "largo", "uptempo": "fast", "up-tempo": "fast", "laid-back": "slow",
                   "laid back": "slow", "downtempo": "slow"}
    for word, mark in tempo_words.items():
        table[word] = _facts(("tempo_word", TEMPO_WORDS[mark]))
    energy_words = {
        "build": ("builds", "build", "building", "builds up", "build-up", "buildup", "rising", "rises",
                  "crescendo", "grows", "growing", "swells", "escalating", "escalates", "ramps up"),
        "fade": ("fades", "fade", "fading", "fade out", "fades out", "fades away", "dies away", "diminuendo",
                 "winds down", "decrescendo", "calms down"),
        "arc": ("rises and falls", "builds and falls", "swells and fades", "arc"),
        "steady": ("steady", "constant", "throughout", "even", "flat"),
    }
    for shape, words in energy_words.items():
        for word in words:
            table[word] = _facts(("energy", shape))
    table.update({"major": _facts(("mode", "major")), "minor": _facts(("mode", "minor"))})
    for section in SECTION_BARS:
        table[section] = _facts(("section", section))
    table.update({"pre chorus": _facts(("section", "pre-chorus")), "prechorus": _facts(("section", "pre-chorus")),
                  "ending": _facts(("section", "outro")), "coda": _facts(("section", "outro")),
                  "refrain": _facts(("section", "chorus")), "hook": _facts(("section", "chorus")),
                  "middle eight": _facts(("section", "bridge"))})
    for word in ("no drums", "without drums", "drumless", "no percussion", "without percussion"):
        table[word] = _facts(("drop", "drums"))
    for word in ("no bass", "without bass"):
        table[word] = _facts(("drop", "bass"))
    for word in ("no chords", "without chords"):
        table[word] = _facts(("drop", "chords"))
    for word in ("melody only", "unaccompanied", "solo melody"):
        table[word] = _facts(("only", "melody"))
    filler = ("a", "an", "the", "in", "with", "and", "at", "to", "of", "for", "on", "over", "into", "from", "that",
              "then", "by", "some", "very", "little", "short", "piece", "music", "track", "cue", "tune", "song",
              "theme", "feel", "feeling", "style", "mood", "tempo", "key", "sketch", "please", "write", "make",
              "me", "something", "like", "bar", "bars", "measure", "measures", "part", "parts", "section",
              "plus", "only", "just", "ish", "around", "about", "kind", "sort", "vibe", "vibes", "scene",
              "loop", "underscore", "background", "bgm", "main", "title", "titles", "opening", "credits", "level",
              "menu", "overworld", "riff", "low", "high", "then", "after", "before", "end", "ending", "start", "it", "is", "its", "which", "where", "as", "up", "down",
              "more", "less", "bit", "big", "mostly", "led", "lead", "strong", "full", "mix", "also", "too", "time",
              "signature", "beats", "per", "minute", "hit", "accent", "sting", "stinger", "climax", "peak", "impact",
              "drop", "melody", "melodies", "line", "tune", "harmony", "chords", "accompaniment")
    for word in filler:
        table.setdefault(word, ())
    return table


def _chinese() -> dict[str, tuple]:
    table: dict[str, tuple] = {}
    styles = {
        "pop": ("流行", "流行歌", "流行歌曲", "抒情歌", "情歌", "华语流行"),
        "folk": ("民谣", "民歌", "乡村", "凯尔特", "爱尔兰"),
        "art_song": ("艺术歌曲", "声乐", "咏叹调"),
        "orchestral": ("管弦乐", "管弦", "交响", "交响乐", "电影配乐", "影视配乐", "配乐", "史诗配乐", "预告片"),
        "string_quartet": ("弦乐四重奏", "四重奏", "室内乐"),
        "keyboard": ("钢琴曲", "钢琴小品", "钢琴独奏", "独奏钢琴", "拉格泰姆", "赞美诗", "圣咏", "夜曲", "练习曲",
                     "前奏曲"),
        "game_rock": ("游戏", "游戏音乐", "摇滚", "金属", "朋克", "战斗", "战", "芯片音乐", "8位", "动作"),
        "drum_grooves": ("律动", "鼓点", "节奏型", "放克", "嘻哈"),
    }
    for style, words in styles.items():
        for word in words:
            table[word] = _facts(("style", style))
    for word in ("钢琴曲", "钢琴小品", "钢琴独奏", "独奏钢琴"):
        table[word] += _facts(("instrument", "piano"))
    table["华尔兹"] = table["圆舞曲"] = _facts(("meter", (3, 4)))
    table["进行曲"] = _facts(("meter", (2, 4)), ("tempo_word", 116))
    table["摇篮曲"] = table["催眠曲"] = _facts(("mood", "gentle"), ("meter", (6, 8)))
    instruments = {
        "piano": ("钢琴",), "electric piano": ("电钢琴", "电钢"), "harpsichord": ("羽管键琴", "大键琴"),
        "celesta": ("钢片琴",), "glockenspiel": ("钟琴", "钢片"), "music box": ("八音盒", "音乐盒"),
        "vibraphone": ("颤音琴",), "marimba": ("马林巴", "马林巴琴"), "xylophone": ("木琴",),
        "organ": ("管风琴", "风琴"), "accordion": ("手风琴",), "harmonica": ("口琴",),
        "nylon guitar": ("古典吉他", "尼龙吉他"), "acoustic guitar": ("吉他", "木吉他", "民谣吉他"),
        "electric guitar": ("电吉他",), "distortion guitar": ("失真吉他",),
        "acoustic bass": ("原声贝斯", "低音大提琴"), "electric bass": ("贝斯", "电贝斯", "低音吉他"),
        "synth bass": ("合成器贝斯",), "violin": ("小提琴",), "viola": ("中提琴",), "cello": ("大提琴",),
        "contrabass": ("低音提琴",), "pizzicato strings": ("拨弦",), "harp": ("竖琴",), "timpani": ("定音鼓",),
        "strings": ("弦乐", "弦乐组", "弦乐团"), "choir": ("合唱", "合唱团", "人声合唱"),
        "voice": ("人声", "歌声", "女声", "男声"), "trumpet": ("小号",), "trombone": ("长号",), "tuba": ("大号",),
        "horn": ("圆号", "法国号"), "brass": ("铜管", "铜管乐", "铜管组"), "saxophone": ("萨克斯", "萨克斯风"),
        "oboe": ("双簧管",), "english horn": ("英国管",), "bassoon": ("大管", "巴松", "巴松管"),
        "clarinet": ("单簧管", "黑管"), "piccolo": ("短笛",), "flute": ("长笛", "木管"),
        "recorder": ("竖笛",), "dizi": ("笛子", "竹笛"), "shakuhachi": ("尺八", "箫", "排箫"),
        "whistle": ("口哨", "哨笛"), "synth lead": ("主音合成器",), "synth": ("合成器",),
        "synth pad": ("铺底", "合成器铺底", "pad音色"), "pipa": ("琵琶",), "guzheng": ("古筝", "筝"),
        "bagpipe": ("风笛",), "erhu": ("二胡", "胡琴"), "taiko": ("太鼓", "大鼓", "日本太鼓"),
        "drums": ("鼓", "架子鼓", "爵士鼓", "鼓组"), "percussion": ("打击乐", "打击乐器", "敲击乐"),
    }
    for name, words in instruments.items():
        for word in words:
            table[word] = _facts(("instrument", name))
    moods = {
        "tense": ("紧张", "悬疑", "焦虑", "紧迫", "追逐", "追击", "惊悚", "潜行"),
        "dark": ("黑暗", "阴暗", "阴沉", "压抑", "不祥", "夜晚", "深夜"),
        "sad": ("悲伤", "伤感", "难过", "悲痛", "哀伤", "悲剧", "忧伤", "凄凉"),
        "melancholy": ("忧郁", "惆怅", "孤独", "寂寞", "苦涩"),
        "nostalgic": ("怀旧", "回忆", "思念", "乡愁"),
        "happy": ("欢快", "快乐", "开心", "愉快", "明亮", "阳光", "欢乐", "喜庆", "节日", "轻快"),
        "playful": ("俏皮", "可爱", "调皮", "诙谐", "活泼", "萌"),
        "calm": ("平静", "安静", "宁静", "放松", "舒缓", "冥想", "恬静", "氛围"),
        "gentle": ("温柔", "轻柔", "柔和", "温暖", "甜美", "细腻"),
        "romantic": ("浪漫", "爱情", "深情", "热恋"),
        "dreamy": ("梦幻", "空灵", "奇幻", "魔幻", "童话"),
        "mysterious": ("神秘", "诡异", "奇异", "解谜"),
        "scary": ("恐怖", "恐怖片", "惊悚片", "吓人", "鬼魅", "鬼屋"),
        "epic": ("史诗", "史诗感", "宏大", "壮丽", "磅礴", "震撼", "大气"),
        "heroic": ("英雄", "热血", "冒险", "勇敢"),
        "triumphant": ("胜利", "凯旋", "庆典", "号角"),
        "energetic": ("激昂", "激烈", "动感", "活力", "激情", "燃", "战斗感", "奔跑"),
        "aggressive": ("愤怒", "狂暴", "凶猛", "暴烈"),
        "solemn": ("庄严", "肃穆", "葬礼", "神圣"),
        "hopeful": ("希望", "充满希望", "励志", "温馨", "朝阳", "日出", "黎明", "治愈"),
    }
    for mood, words in moods.items():
        for word in words:
            table[word] = _facts(("mood", mood))
    tempos = {"广板": "largo", "慢板": "adagio", "柔板": "adagio", "行板": "andante", "中板": "moderato",
              "小快板": "allegretto", "快板": "allegro", "急板": "presto", "慢": "slow", "慢速": "slow",
              "缓慢": "slow", "中速": "medium", "快": "fast", "快速": "fast", "较快": "allegretto", "很快": "presto",
              "很慢": "largo", "中等速度": "medium"}
    for word, mark in tempos.items():
        table[word] = _facts(("tempo_word", TEMPO_WORDS[mark]))
    energy = {"build": ("渐强", "逐渐增强", "层层推进", "推进", "递进", "越来越强", "逐渐激烈", "爬升"),
              "fade": ("渐弱", "淡出", "逐渐减弱", "越来越弱", "渐渐平息"),
              "arc": ("先扬后抑", "起伏"),
              "steady": ("平稳", "始终如一", "一直")}
    for shape, words in energy.items():
        for word in words:
            table[word] = _facts(("energy", shape))
    table.update({"大调": _facts(("mode", "major")), "小调": _facts(("mode", "minor"))})
    sections = {"intro": ("前奏", "引子"), "verse": ("主歌",), "pre-chorus": ("导歌", "预副歌"),
                "chorus": ("副歌", "高潮段"), "bridge": ("桥段",), "interlude": ("间奏",), "solo": ("独奏段", "solo段"),
                "breakdown": ("过门",), "outro": ("尾奏", "结尾", "尾声")}
    for section, words in sections.items():
        for word in words:
            table[word] = _facts(("section", section))
    for word in ("不要鼓", "没有鼓", "无鼓", "不用鼓", "去掉鼓", "不要打击乐"):
        table[word] = _facts(("drop", "drums"))
    for word in ("不要贝斯", "没有贝斯", "无贝斯"):
        table[word] = _facts(("drop", "bass"))
    for word in ("只要旋律", "纯旋律", "无伴奏"):
        table[word] = _facts(("only", "melody"))
    filler = ("的", "一首", "一段", "一个", "首", "段", "个", "在", "有", "和", "与", "及", "加", "配", "以及", "还有",
              "用", "使用", "风格", "曲子", "音乐", "乐曲", "小品", "作品", "曲", "歌", "感觉", "氛围感", "味道",
              "请", "帮我", "写", "写一首", "来一首", "做", "要", "一点", "稍微", "比较", "非常", "很", "有点",
              "带", "带有", "主题", "场景", "关卡", "片头", "片尾", "菜单", "bgm", "背景音乐", "背景", "速度", "拍号", "调性", "节奏", "左右", "大约",
              "约", "为主", "为", "是", "到", "从", "开始", "然后", "最后", "全曲", "整体", "乐器", "编制", "长度",
              "共", "主奏", "主旋律", "伴奏", "旋律", "和弦", "一", "中", "里", "上", "出现", "达到", "高潮",
              "重音", "冲击点", "爆点", "之", "点", "部分", "组", "拍")
    for word in filler:
        table.setdefault(word, ())
    return table


ENGLISH = _english()
CHINESE = _chinese()
