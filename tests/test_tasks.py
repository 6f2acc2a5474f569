"""The task script behind `make` and make.bat: the venv bootstrap, what the Makefile and
make.bat call, and lock files that match pyproject.toml. Fast: no venv, no network."""

import hashlib
import os
import re
import runpy
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from harness import ROOT
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tools import tasks

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
COMMANDS = {"serve", "html", "catalogs", "test", "bench", "mutants", "lock", "clean", "venv"}
# Live preview and test tools: never part of what Read the Docs installs.
NOT_FOR_READ_THE_DOCS = {
    "sphinx-autobuild",
    "sphinx-intl",
    "pytest",
    "pytest-xdist",
    "playwright",
    "axe-playwright-python",
    "ruff",
    "check-jsonschema",
    "hypothesis",
    "recurring-ical-events",
    "uv",
}


# -- The venv: where its Python lives, when it is (re)installed ---------------------------------


def test_venv_python_is_in_scripts_on_windows_and_bin_elsewhere():
    assert tasks.venv_python(Path(".venv"), "nt").parts == (".venv", "Scripts", "python.exe")
    assert tasks.venv_python(Path(".venv"), "posix").parts == (".venv", "bin", "python")


def test_venv_python_on_this_system():
    expected = ROOT / ".venv" / "bin" / "python"
    if sys.platform == "win32":
        expected = ROOT / ".venv" / "Scripts" / "python.exe"
    assert tasks.venv_python(tasks.VENV) == expected


class FakeRunner:
    """Records commands instead of running them; "creates" the venv's Python when asked."""

    def __init__(self):
        self.commands: list[list[str]] = []

    def __call__(self, cmd, env=None) -> int:
        cmd = [str(part) for part in cmd]
        self.commands.append(cmd)
        if cmd[1:3] == ["-m", "venv"]:
            python = tasks.venv_python(Path(cmd[-1]))
            python.parent.mkdir(parents=True)
            python.touch()
        return 0

    def installs(self) -> list[list[str]]:
        return [c for c in self.commands if c[1:4] == ["-m", "pip", "install"]]


@pytest.fixture
def lock(tmp_path: Path) -> Path:
    file = tmp_path / "dev.txt"
    file.write_text("pyyaml==6.0.4 \\\n    --hash=sha256:0123\n", encoding="utf-8")
    return file


def test_first_call_creates_venv_and_installs_the_lock_with_hashes(tmp_path, lock):
    venv, runner = tmp_path / ".venv", FakeRunner()
    python = tasks.ensure_venv(venv, lock, runner)
    assert runner.commands[0] == [sys.executable, "-m", "venv", "--clear", str(venv)]
    [install] = runner.installs()
    assert install[0] == str(python) == str(tasks.venv_python(venv))
    assert install[-3:] == ["--require-hashes", "-r", str(lock)]
    stamp = (venv / ".installed").read_text(encoding="utf-8").strip()
    assert stamp == hashlib.sha256(lock.read_bytes()).hexdigest()


def test_unchanged_lock_installs_nothing(tmp_path, lock):
    venv = tmp_path / ".venv"
    tasks.ensure_venv(venv, lock, FakeRunner())
    again = FakeRunner()
    tasks.ensure_venv(venv, lock, again)
    assert again.commands == []


def test_changed_lock_installs_again(tmp_path, lock):
    venv = tmp_path / ".venv"
    tasks.ensure_venv(venv, lock, FakeRunner())
    lock.write_text(lock.read_text(encoding="utf-8").replace("6.0.4", "6.0.5"), encoding="utf-8")
    again = FakeRunner()
    tasks.ensure_venv(venv, lock, again)
    assert len(again.installs()) == 1 and not any("venv" in c for c in again.commands)


class FailingInstall(FakeRunner):
    """Creates the venv, but every pip install fails (e.g. no network)."""

    def __call__(self, cmd, env=None) -> int:
        super().__call__(cmd, env)
        return 1 if "install" in map(str, cmd) else 0


def test_failed_install_says_what_to_do_and_is_retried(tmp_path, lock):
    venv = tmp_path / ".venv"
    with pytest.raises(tasks.TaskError, match="Prüfe die Internetverbindung"):
        tasks.ensure_venv(venv, lock, FailingInstall())
    assert not (venv / ".installed").exists()
    retry = FakeRunner()
    tasks.ensure_venv(venv, lock, retry)
    assert len(retry.installs()) == 1


def test_venv_that_cannot_be_created_names_the_debian_package(tmp_path, lock):
    with pytest.raises(tasks.TaskError, match=r"apt-get install python3-venv"):
        tasks.ensure_venv(tmp_path / ".venv", lock, lambda cmd, env=None: 1)


def test_too_old_python_gets_a_german_message_not_a_traceback(monkeypatch):
    monkeypatch.setattr(sys, "version_info", (3, 10, 12))
    with pytest.raises(SystemExit) as exit_:
        runpy.run_path(str(ROOT / "tools" / "tasks.py"))
    assert str(exit_.value).startswith("Python 3.11 oder neuer ist nötig, gefunden: 3.10.")


def test_script_minimum_is_the_projects_minimum():
    assert PYPROJECT["project"]["requires-python"] == ">={}.{}".format(*tasks.MIN_PYTHON)


# -- Node tools ---------------------------------------------------------------------------------


def test_missing_nu_checker_is_installed_without_dev_tools(tmp_path, monkeypatch):
    monkeypatch.setattr(tasks, "NU_CHECKER", tmp_path / "vnu.jar")
    monkeypatch.setattr(shutil, "which", lambda name: f"/usr/bin/{name}")
    runner = FakeRunner()
    tasks.ensure_nu_checker(runner)
    assert runner.commands == [
        ["/usr/bin/npm", "ci", "--omit=dev", "--ignore-scripts", "--no-audit", "--no-fund"]
    ]


def test_present_nu_checker_is_not_reinstalled(tmp_path, monkeypatch):
    (tmp_path / "vnu.jar").touch()
    monkeypatch.setattr(tasks, "NU_CHECKER", tmp_path / "vnu.jar")
    runner = FakeRunner()
    tasks.ensure_nu_checker(runner)
    assert runner.commands == []


def test_missing_npm_and_java_are_named_with_the_fix(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(tasks, "NU_CHECKER", tmp_path / "vnu.jar")
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(tasks.TaskError, match=r"npm fehlt .*`apt-get install npm`"):
        tasks.ensure_nu_checker(FakeRunner())
    (tmp_path / "vnu.jar").touch()
    tasks.ensure_nu_checker(FakeRunner())
    assert "Java fehlt" in capsys.readouterr().out


# -- The command line ---------------------------------------------------------------------------


def test_script_offers_the_commands():
    assert set(tasks.COMMANDS) == COMMANDS


def test_unknown_command_is_named_in_german(capsys):
    assert tasks.main(["vorschau"]) == 2
    assert "Unbekannter Befehl „vorschau“" in capsys.readouterr().err


def test_failure_is_one_german_line_not_a_traceback(monkeypatch, capsys):
    def broken(args):
        raise tasks.TaskError("npm fehlt.")

    monkeypatch.setitem(tasks.COMMANDS, "test", broken)
    assert tasks.main(["test"]) == 1
    assert capsys.readouterr().err == "Fehler: npm fehlt.\n"


# -- Makefile and make.bat only hand over to the script -----------------------------------------


def makefile() -> str:
    return (ROOT / "Makefile").read_text(encoding="utf-8")


def makefile_rules() -> dict[str, list[str]]:
    """Each rule of the Makefile and its recipe lines."""
    rules: dict[str, list[str]] = {}
    target = None
    for line in makefile().splitlines():
        if line.startswith("\t"):
            rules[target].append(line.strip())
        elif match := re.match(r"^([\w.]+):", line):
            target = match[1]
            rules[target] = []
    return rules


def test_makefile_has_a_target_per_command_and_each_only_calls_the_script():
    rules = makefile_rules()
    rules.pop(".PHONY")
    assert set(rules) == COMMANDS
    for target, recipe in rules.items():
        # "@": make does not echo the command (a line of noise for editors)
        assert len(recipe) == 1 and recipe[0].startswith(f"@$(TASKS) {target}"), target
    assert re.search(r"^TASKS\s*:?= \$\(PYTHON\) tools/tasks\.py$", makefile(), re.M)
    assert re.search(r"^PYTHON \?= python3$", makefile(), re.M)


@pytest.mark.skipif(shutil.which("make") is None, reason="GNU make fehlt (Windows: make.bat)")
@pytest.mark.parametrize(
    ("args", "expected"),
    [
        *[([name], f"python3 tools/tasks.py {name}") for name in sorted(COMMANDS)],
        (
            ["serve", "HOST=0.0.0.0", "PORT=8001"],
            "python3 tools/tasks.py serve --host 0.0.0.0 --port 8001",
        ),
        (["serve", "SPRACHE=da"], "python3 tools/tasks.py serve --language da"),
        ([], "python3 tools/tasks.py venv"),
    ],
)
def test_make_runs_the_script(args, expected):
    # Not as a sub-make of `make test`: that would print "Entering directory" lines.
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS")}
    cmd = ["make", "-n", "--no-print-directory", "PYTHON=python3", *args]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr
    assert " ".join(proc.stdout.split()) == expected


def test_make_bat_hands_every_argument_to_the_script():
    raw = (ROOT / "make.bat").read_bytes()
    assert raw.count(b"\n") == raw.count(b"\r\n"), "make.bat needs CRLF line endings for cmd"
    lines = [line.strip() for line in raw.decode("ascii").splitlines()]
    code = [line for line in lines if line and not line.lower().startswith(("rem ", "@echo"))]
    assert r'set "TASKS=%~dp0tools\tasks.py"' in code
    calls = [line for line in code if '"%TASKS%"' in line]
    assert calls == ['py -3 "%TASKS%" %*', 'python "%TASKS%" %*']
    # No command of its own: make.bat decides nothing per command.
    assert not any(name in line for line in code for name in COMMANDS)


# -- Lock files: in sync with pyproject.toml, hashed, the same versions for both ----------------


def pins(lock: Path) -> dict[str, tuple[str, int]]:
    """Package → (pinned version, number of hashes) from a hash-locked requirements file."""
    text = (ROOT / lock).read_text(encoding="utf-8")
    entries = re.split(r"^(?=[A-Za-z0-9])", text, flags=re.M)
    result = {}
    for entry in entries:
        if not entry.strip() or entry.startswith("#"):
            continue
        match = re.match(r"([A-Za-z0-9._-]+)==(\S+)", entry)
        assert match, f"{lock}: not pinned: {entry.splitlines()[0]}"
        assert canonicalize_name(match[1]) not in result, f"{lock}: two versions of {match[1]}"
        result[canonicalize_name(match[1])] = (match[2], entry.count("--hash=sha256:"))
    return result


SITE = pins(Path("requirements/site.txt"))
DEV = pins(Path("requirements/dev.txt"))


def group(name: str) -> list[str]:
    requirements = []
    for item in PYPROJECT["dependency-groups"][name]:
        requirements += group(item["include-group"]) if isinstance(item, dict) else [item]
    return requirements


@pytest.mark.parametrize(
    ("lock", "requirements"),
    [
        ("site", PYPROJECT["project"]["dependencies"]),
        ("dev", PYPROJECT["project"]["dependencies"] + group("dev")),
    ],
)
def test_lock_pins_every_requirement_of_pyproject_with_hashes(lock, requirements):
    locked = {"site": SITE, "dev": DEV}[lock]
    assert len(requirements) >= 11
    for line in requirements:
        requirement = Requirement(line)
        name = canonicalize_name(requirement.name)
        assert name in locked, f"{name} fehlt in requirements/{lock}.txt: `make lock`"
        version, hashes = locked[name]
        assert requirement.specifier.contains(version, prereleases=True), (lock, line, version)
        assert hashes >= 1, name


def test_every_locked_package_has_hashes():
    for lock in (SITE, DEV):
        assert all(hashes >= 1 for _, hashes in lock.values())


def test_read_the_docs_gets_the_tested_versions_and_no_tools():
    assert {name: SITE[name][0] for name in SITE} == {name: DEV[name][0] for name in SITE}
    assert not NOT_FOR_READ_THE_DOCS & set(SITE)
    assert NOT_FOR_READ_THE_DOCS - {"uv"} <= set(DEV)


def test_lock_files_name_the_command_that_writes_them_and_readme_shows_it():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for lock in ("site", "dev"):
        header = (ROOT / "requirements" / f"{lock}.txt").read_text(encoding="utf-8")
        assert "#    python tools/tasks.py lock\n" in header
    assert "make lock" in readme and "python tools/tasks.py lock" in readme


def test_lock_targets_every_system_and_the_oldest_allowed_python():
    dev, site = tasks.lock_commands(["uv"])
    for cmd in (dev, site):
        options = " ".join(map(str, cmd))
        assert "--universal" in options and "--generate-hashes" in options
        assert "--python-version 3.11" in options  # requires-python = ">=3.11"
    assert dev[dev.index("-o") + 1] == "requirements/dev.txt" and "--group" in dev
    assert site[site.index("-o") + 1] == "requirements/site.txt"
    assert site[site.index("-c") + 1] == "requirements/dev.txt"  # the versions the tests ran


def test_uv_is_pinned_in_pyproject():
    assert re.fullmatch(r"uv==\d+\.\d+\.\d+", tasks.lock_tool_requirement())


# -- Languages: make html builds every language, the root sends readers to German ------------


def test_html_builds_every_language_into_its_folder(monkeypatch, tmp_path):
    calls = []
    monkeypatch.setattr(tasks, "ensure_venv", lambda: Path("py"))
    monkeypatch.setattr(
        tasks, "run_for_editors", lambda cmd, env=None, shown_before=None: calls.append(cmd) or 0
    )
    monkeypatch.setattr(tasks, "ROOT", tmp_path)
    (tmp_path / "_build" / "html").mkdir(parents=True)
    assert tasks.html([]) == 0
    built = [(c[c.index("-D", c.index("-d")) + 1], c[-1], c[c.index("-d") + 1]) for c in calls]
    assert built == [
        ("language=de", "_build/html/de", "_build/doctrees/de"),
        ("language=da", "_build/html/da", "_build/doctrees/da"),
        ("language=en", "_build/html/en", "_build/doctrees/en"),
    ]
    assert all("-W" in c and "oklab_live_reload=0" in c and "-E" in c for c in calls)
    root = (tmp_path / "_build" / "html" / "index.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url=de/">' in root
    assert '<html lang="de">' in root and "<script" not in root
    assert '<a href="da/" lang="da" hreflang="da">Dansk</a>' in root
    assert '<a href="en/" lang="en" hreflang="en">English</a>' in root


def test_serve_previews_the_language_asked_for(monkeypatch):
    calls = []
    monkeypatch.setattr(tasks, "ensure_venv", lambda: Path("py"))
    monkeypatch.setattr(tasks, "run_for_editors", lambda cmd, env=None: calls.append(cmd) or 0)
    assert tasks.serve(["--language", "da"]) == 0
    (cmd,) = calls
    assert cmd[cmd.index("-D") + 1] == "language=da"
    assert "_build/serve/da" in cmd
    assert tasks.serve([]) == 0
    assert calls[1][calls[1].index("-D") + 1] == "language=de"
