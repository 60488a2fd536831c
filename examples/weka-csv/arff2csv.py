#!/usr/bin/python3
"""Writes the data section of a plain (non-sparse) ARFF file as CSV with a header row.

Usage: arff2csv.py FILE.arff OUT.csv [--empty-missing]

Values are copied as written, unquoted from ARFF's single quotes; '?' stays '?' unless
--empty-missing writes missing cells as empty. The header comments (% lines) are printed on
stdout as '# ' lines, for the provenance note in README.md. Only for these example files:
no escapes, no sparse rows, no dates.
"""
import csv
import sys


def main(source, target, empty_missing):
    names, comments, rows = [], [], []
    with open(source, encoding="utf-8") as f:
        in_data = False
        for line in f:
            text = line.strip()
            if not in_data:
                if text.startswith("%"):
                    comments.append(text[1:])
                elif text.lower().startswith("@attribute"):
                    rest = text[len("@attribute"):].strip()
                    name = next(csv.reader([rest], quotechar="'", delimiter=" "))[0]
                    names.append(name.split("\t")[0])
                elif text.lower().startswith("@data"):
                    in_data = True
            elif text and not text.startswith("%"):
                row = next(csv.reader([text], quotechar="'", skipinitialspace=True))
                assert len(row) == len(names), (source, text)
                rows.append(["" if empty_missing and v == "?" else v for v in row])
    with open(target, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(names)
        writer.writerows(rows)
    for c in comments:
        print("#" + c.rstrip())


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], "--empty-missing" in sys.argv[3:])
