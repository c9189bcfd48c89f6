"""Fill resources/translations/chefline_zh_CN.ts from packaging/zh_CN.py (after lupdate).

Every message with a translation in the table is marked finished; the others stay
"unfinished", which tests/test_translations.py reports.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from zh_CN import ZH_CN  # noqa: E402

TS = Path(__file__).parents[1] / "resources" / "translations" / "chefline_zh_CN.ts"


def main() -> int:
    tree = ElementTree.parse(TS)
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source", "")
            translation = message.find("translation")
            assert translation is not None
            if translation.get("type") in ("obsolete", "vanished"):
                continue
            text = ZH_CN.get((name, source))
            if text is None:
                missing.append((name, source))
                continue
            translation.text = text
            translation.attrib.pop("type", None)
    ElementTree.indent(tree)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    for name, source in missing:
        print(f"no Chinese yet: [{name}] {source!r}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
