"""`journal-app export --format pdf`: pages a user can print, and refusals in one line."""

from __future__ import annotations

import pytest

from tests.cli.helpers import one_error_line, run_main
from tests.ui.printing.conftest import first_page_picture, pdf_images, read_pdf


@pytest.fixture
def export(data_paths, printable, services):
    services.close()  # the CLI opens the journal itself, as from a terminal

    def run(*args: str) -> int:
        return run_main("export", "--format", "pdf", *args, "--data-dir", str(data_paths.root))

    return run


def test_a_range_one_entry_a_page_with_its_image_code_and_page_numbers(export, tmp_path, capsys):
    out = tmp_path / "november.pdf"
    assert export(str(out), "--from", "2026-11-20", "--to", "2026-11-22", "--one-per-page") == 0
    assert capsys.readouterr().out == f"exported 3 entries to {out}\n"
    pages = read_pdf(out)
    assert len(pages) == 3
    assert pages[0].startswith("Gradient descent") and "Friday, 20 November 2026" in pages[0]
    assert "Backprop by hand" in pages[1] and "return 2 * x" in pages[1]
    assert pages[2].startswith("Rest day")
    assert [page.rsplit(" ", 1)[-1] for page in pages] == ["1", "2", "3"]  # numbered
    assert pdf_images(out) == 1
    assert not list(tmp_path.glob(".*partial"))


def test_continuous_pages_a_tag_and_a_sprint(export, tmp_path):
    assert export(str(tmp_path / "ml.pdf"), "--tag", "ML") == 0
    text = " ".join(read_pdf(tmp_path / "ml.pdf"))
    assert "Gradient descent" in text and "Backprop by hand" in text and "Rest day" not in text
    assert export(str(tmp_path / "sprint.pdf"), "--sprint", "1") == 0
    (page,) = read_pdf(tmp_path / "sprint.pdf")
    assert "Backprop by hand" in page and "Gradient descent" not in page


def test_the_first_page_looks_like_a_page(export, tmp_path):
    out = tmp_path / "one.pdf"
    assert export(str(out), "--entry", "2") == 0
    picture = first_page_picture(out, tmp_path / "page")
    if picture is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed; .ci/run installs it")
    assert picture.height() > picture.width()  # portrait paper
    colours = {
        picture.pixelColor(x, y).name()
        for x in range(0, picture.width(), 3)
        for y in range(0, picture.height(), 3)
    }
    assert "#ffffff" in colours and len(colours) > 5  # white paper with text on it
    assert any(c.startswith("#d") and c[3:5] < "60" for c in colours)  # the red image


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "pdf needs --entry ID, --from DATE and --to DATE, --tag TAG or --sprint ID"),
        (("--entry", "1", "--tag", "ml"), "give one of: an entry, the first and last day"),
        (("--from", "2026-11-22", "--to", "2026-11-20"), "the range ends (2026-11-20) before"),
        (("--tag", "nothing-has-it"), "no entry matches"),
        (("--entry", "99"), "there is no entry 99"),
    ],
)
def test_bad_requests_get_one_line_and_no_file(export, tmp_path, capsys, args, message):
    folder = tmp_path / "out"
    folder.mkdir()
    assert export(str(folder / "x.pdf"), *args) == 2
    assert message in one_error_line(capsys)
    assert list(folder.iterdir()) == []


def test_an_existing_file_is_replaced_only_with_force(export, tmp_path, capsys):
    out = tmp_path / "mine.pdf"
    out.write_bytes(b"the user's own file")
    assert export(str(out), "--entry", "1") == 2
    assert "already exists; add --force" in one_error_line(capsys)
    assert out.read_bytes() == b"the user's own file"
    assert export(str(out), "--entry", "1", "--force") == 0
    assert read_pdf(out)[0].startswith("Gradient descent")


def test_one_per_page_and_selections_belong_to_pdf_and_html(export, data_paths, tmp_path, capsys):
    code = run_main(
        "export",
        "--format",
        "json",
        str(tmp_path / "j.json"),
        "--tag",
        "ml",
        "--data-dir",
        str(data_paths.root),
    )
    assert code == 2 and "go with html or pdf" in one_error_line(capsys)
    code = run_main(
        "export",
        "--format",
        "html",
        str(tmp_path / "h.html"),
        "--one-per-page",
        "--entry",
        "1",
        "--data-dir",
        str(data_paths.root),
    )
    assert code == 2 and "--one-per-page goes with --format pdf" in one_error_line(capsys)
