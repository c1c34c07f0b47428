"""The most frequent function words of the languages storydesk meets most.

They serve twice: their density tells running prose from labels and menus, and which language's
words dominate is a cheap, dependable language guess for text of a sentence or more.
"""

from __future__ import annotations

STOPWORDS: dict[str, frozenset[str]] = {
    lang: frozenset(words.split())
    for lang, words in {
        "en": """a an the of to in on at by for from with and or but as is are was were be been
            has have had it its he she they we you i his her their our this that these those who
            which what when where not no will would can could should may might said says than
            then there also after before about into over under more most some any all one two
            new up out so if do did does""",
        "de": """der die das den dem des ein eine einer eines und oder ist sind war waren wird
            werden hat haben nicht mit von zu im auf für bei aus nach wie auch sich es sie er wir
            ich dass als noch nur vor über um am zum zur""",
        "fr": """a à le la les un une des du et ou est sont était été ont pas avec pour sur dans par
            selon après lors dont aussi être avait
            que qui il elle ils au aux ce cette se en ne plus mais son sa ses leur nous vous""",
        "es": """el los las unos unas y o es son fue era ha han con para por en que se su sus lo
            al del un una como más pero le muy ya esta este""",
        "it": """il lo gli la le uno una e è sono era ha hanno non con per che di da nel della
            del dei alla anche come più ma si un""",
        "pt": """o os as um uma e é são foi era tem com para por em que se seu sua do da dos das
            no na nos não mais mas como ao também""",
        "nl": """de het een en of is zijn was waren wordt worden heeft hebben niet met van te in
            op voor bij uit naar ook dat die er hij zij wij ik als maar""",
        "ru": """и в не на что он с как а то это она по к но они из у за же от так же бы был
            была было были его её их для уже или при""",
        "uk": """і й в у не на що він з як а то це вона по до але вони із за же від так був
            була було були його її їх для вже або при""",
        "id": """yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke karena ada
            oleh atau adalah saat bisa sudah kami kita mereka""",
    }.items()
}

FUNCTION_WORDS: frozenset[str] = frozenset().union(*STOPWORDS.values())
