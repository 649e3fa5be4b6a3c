"""督学: the roster page with its term, 挂牌 and recusal dialogs."""
