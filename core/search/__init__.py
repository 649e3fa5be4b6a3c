"""Finding and ordering things as Chinese users expect: words in any order, pinyin, pinyin order."""
