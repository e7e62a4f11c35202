"""Modal questions: one answer comes back through `dismiss`, typed by `ModalScreen[T]`.

A dialog asks and returns (a yes/no, a picked value, a dataclass of typed values); the
screen that pushed it decides what to do with the answer. Full-screen views live in
`screens/`, and neither imports the app.
"""
