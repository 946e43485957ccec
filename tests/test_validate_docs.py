"""The project's own documents: every citation of docs/design.md names one of its sections, every
link into docs/ resolves, the validation page carries its generated part, and nothing cites a
document the project does not contain."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from simulation.validation import report
from simulation.validation.figures import REPORT_FIGURES

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
HERE = Path(__file__).resolve()
#: Documents outside the project that it must not cite (built here, not written out, so that
#: this file does not mention them either).
OUTSIDE = tuple(f"{name.upper()}.md" for name in ("design", "references", "style"))


def project_files() -> list[Path]:
    """The files git knows (tracked or new, not ignored), text only."""
    out = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"],
                         cwd=ROOT, capture_output=True, text=True, check=True).stdout
    files = []
    for name in out.splitlines():
        path = ROOT / name
        if path.suffix in {".py", ".md", ".toml", ".cff", ".json", ".txt", ".yml", ".yaml"} \
                and path.is_file():
            files.append(path)
    return files


def slug(heading: str) -> str:
    """GitHub's anchor for a heading."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def headings(path: Path) -> list[str]:
    return [m.group(2).strip() for m in re.finditer(r"^(#{1,6}) (.+)$", path.read_text(),
                                                     flags=re.M)]


def test_every_design_citation_names_a_section():
    sections = {h.lower() for h in headings(DOCS / "design.md")}
    pattern = re.compile(r"docs/design\.md,?\s+([a-z][a-z ]*[a-z])", flags=re.S)
    cited = {}
    for path in project_files():
        if path == HERE:
            continue
        text = re.sub(r"\s*\n\s*(#\s*)?", " ", path.read_text(errors="replace"))
        for m in pattern.finditer(text):
            cited.setdefault(m.group(1), []).append(path.relative_to(ROOT))
    assert cited, "no citation found: the pattern is wrong"
    unknown = {section: where for section, where in cited.items() if section not in sections}
    assert not unknown, f"citations of sections docs/design.md does not have: {unknown}"


def test_the_design_and_literature_pages_have_the_sections_the_code_relies_on():
    design = {h.lower() for h in headings(DOCS / "design.md")}
    for section in ("the procedure", "the model", "modelling notes", "the observer",
                    "architecture", "reproducibility", "contracts", "quality bars"):
        assert section in design
    literature = {h.lower() for h in headings(DOCS / "literature.md")}
    for section in ("the procedure and its scoring", "the interactive scales",
                    "the classification", "published distributions", "references"):
        assert section in literature
    text = (DOCS / "literature.md").read_text()
    for marker in ("(check)", "van IJzendoorn & Kroonenberg", "Appendix III",
                   "Main & Solomon (1990)", "C1", "C2", "B4"):
        assert marker in text


@pytest.mark.parametrize("page", sorted(p.name for p in DOCS.glob("*.md")) + ["../README.md"])
def test_links_into_docs_resolve(page):
    path = DOCS / page
    for target, anchor in re.findall(r"\]\(([^)#\s]*\.md)(?:#([^)\s]+))?\)", path.read_text()):
        if target.startswith("http"):
            continue
        linked = (path.parent / target).resolve()
        assert linked.is_file(), f"{page} links to {target}, which does not exist"
        if anchor:
            assert anchor in {slug(h) for h in headings(linked)}, \
                f"{page} links to {target}#{anchor}, which has no such heading"


def test_the_project_cites_no_document_it_does_not_contain():
    for path in project_files():
        text = path.read_text(errors="replace")
        for name in OUTSIDE:
            assert name not in text, f"{path.relative_to(ROOT)} mentions {name}"


def test_the_validation_page_has_its_generated_part_and_its_figures():
    page = DOCS / "validation.md"
    text = report.check_target(page)  # raises if the markers are missing or out of order
    block = text.split(report.BEGIN)[1].split(report.END)[0]
    for name in REPORT_FIGURES:
        link = f"{report.FIGURE_DIR}/{report.FIGURE_PREFIX}{name}.png"
        assert link in block
        assert (DOCS / link).stat().st_size > 10_000
    assert "ssp validate --report docs/validation.md" in text
