"""Code colours: Pygments classes in the HTML, colours in the preview's style sheets."""

from __future__ import annotations

import importlib.util
import re

import pytest

from journal_app.markdown.highlight import highlight_html
from journal_app.resources_path import resource_path


def _generator():
    script = resource_path("preview", "make_code_css.py")
    spec = importlib.util.spec_from_file_location("make_code_css", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("look", ["light", "dark"])
def test_committed_code_colours_are_what_the_script_writes(look, tmp_path):
    module = _generator()
    written = {p.name: p for p in module.write(out_dir=tmp_path)}
    committed = resource_path("preview", f"code-{look}.css").read_text(encoding="utf-8")
    assert written[f"code-{look}.css"].read_text(encoding="utf-8") == committed


@pytest.mark.parametrize("look", ["light", "dark"])
def test_every_common_token_has_a_colour(look):
    sheet = resource_path("preview", f"code-{look}.css").read_text(encoding="utf-8")
    html = highlight_html('import os\n\ndef f(x=1):\n    return "s"  # note\n', "python")
    classes = set(re.findall(r'class="(\w+)"', html))
    assert {"kn", "k", "nf", "s2", "c1", "mi"} <= classes
    for name in ("kn", "k", "nf", "s2", "c1", "mi"):
        assert re.search(rf"^\.{name} {{[^}}]*color: #[0-9A-Fa-f]{{3,6}}", sheet, re.M), name
    assert "background" not in sheet  # the code box's background is the preview's


def test_languages_by_alias_and_unknown_ones():
    assert 'class="k"' in highlight_html("fn main() {}", "Rust")
    assert 'class="k"' in highlight_html("def f(): pass", "py")
    plain = highlight_html("<b>x</b> & y", "no-such-language")
    assert plain == (
        '<table class="code" width="100%"><tr><td><pre class="code">'
        "&lt;b&gt;x&lt;/b&gt; &amp; y</pre></td></tr></table>"
    )
    assert "<span" not in highlight_html("x = 1", None)
