#!/usr/bin/env python3
"""The brief's size rules, checked: no source file over 400 lines, no function over 80.

Functions are found by brace matching: a '{' that closes a line ending a signature
(')' or ') const' etc.) at namespace or class depth opens a function body. Strings,
character literals and comments are blanked first so braces inside them do not count.
Exit 1 lists every file or function over its limit."""
import pathlib
import re
import sys

MAX_FILE_LINES = 400
MAX_FUNCTION_LINES = 80
ROOMS = ("core", "indexer", "searcher", "server", "bench", "tests/unit", "tests/e2e", "tests/fuzz")


def blank_literals(text):
    pattern = re.compile(r'R"(\w*)\((?:.|\n)*?\)\1"|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'|//[^\n]*|/\*(?:.|\n)*?\*/')
    return pattern.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def long_functions(text):
    lines = blank_literals(text).split("\n")
    depth, body_start, body_depth, found = 0, None, None, []
    for number, line in enumerate(lines, start=1):
        for column, char in enumerate(line):
            if char == "{":
                before = (line[:column].strip() or (lines[number - 2].strip() if number > 1 else ""))
                opens_function = body_start is None and re.search(
                    r"\)\s*(const|noexcept|override|final|->\s*[\w:<>, ]+|\s)*$|^\s*(try)?$", before) \
                    and not re.match(r"^(namespace|struct|class|enum|union)\b", before) \
                    and not before.endswith("=")
                if opens_function and before and not re.search(r"\b(if|for|while|switch|catch)\s*\(", before):
                    body_start, body_depth = number, depth
                depth += 1
            elif char == "}":
                depth -= 1
                if body_start is not None and depth == body_depth:
                    length = number - body_start + 1
                    if length > MAX_FUNCTION_LINES:
                        found.append((body_start, length))
                    body_start = None
    return found


def main(root):
    problems = []
    for room in ROOMS:
        for path in sorted((root / room).rglob("*")):
            if path.suffix not in (".cc", ".h") or "corpus" in path.parts:
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
            count = text.count("\n")
            name = path.relative_to(root)
            if count > MAX_FILE_LINES:
                problems.append(f"{name}: {count} lines (at most {MAX_FILE_LINES})")
            for start, length in long_functions(text):
                problems.append(f"{name}:{start}: function of {length} lines (at most {MAX_FUNCTION_LINES})")
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve()))
