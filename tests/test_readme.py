"""The README's two commands are what CI and users run: keep them and .ci/run in step."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```bash\n(.+?)\n```", readme)


def test_readme_gives_the_two_commands():
    main_job, tests = commands()[:2]
    assert "briefing extract examples/" in main_job and "pip install" in main_job
    assert "pytest" in tests and "pip install" in tests


def test_ci_runs_the_readme_test_command_verbatim():
    assert commands()[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()


def test_the_example_the_readme_runs_exists():
    main_job = commands()[0]
    path = re.search(r"examples/\S+", main_job).group()
    assert (ROOT / path).is_file()
