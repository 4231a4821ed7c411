#!/usr/bin/env python3
"""Set everything up, then start Concordia or run the whole test suite.

    python3 dev.py start [concordia arguments…]   set up, then open the window
    python3 dev.py test  [pytest arguments…]      set up, then lint, run every test, build
                                                  the bundle and smoke-test it
    python3 dev.py bundle                         set up, build dist/Concordia, smoke-test it
    python3 dev.py bench [--quick] [names…]       set up, build the bundle if it is absent,
                                                  run every benchmark, print one table

Setting up means: the system libraries Qt needs (through apt-get on Debian and Ubuntu, when
they are missing), a virtual environment in .venv with the pinned dependencies, and the
project installed into it. Each step is skipped when already done, so re-runs are quick.
Needs only Python 3.11+ (and, on Linux, the system package manager).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".concordia-installed"

# Debian packages: what Qt's xcb platform needs to open a window on a desktop, and what a
# headless run needs (the offscreen platform, fonts). Names from Debian 12.
RUNTIME_PACKAGES = [
    "libegl1", "libgl1", "libfontconfig1", "libxkbcommon0", "libdbus-1-3", "fonts-dejavu-core",
]
DESKTOP_PACKAGES = [
    "libxkbcommon-x11-0", "libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1",
    "libxcb-image0", "libxcb-render-util0", "libxcb-randr0", "libxcb-shape0",
    "libxcb-xinerama0", "libxcb-xfixes0", "libxcb-xkb1", "libx11-xcb1",
]
# The window benchmark watches the launch on a private X server (its smoke test runs in the
# suite): Xvfb, and what Qt's xcb platform needs to show a window there.
BENCH_PACKAGES = ["xvfb", *DESKTOP_PACKAGES]


def say(message: str) -> None:
    print(f"[dev] {message}", flush=True)


def run(command: list[str], **kwargs: object) -> int:
    return subprocess.call(command, cwd=ROOT, **kwargs)  # type: ignore[arg-type]


def missing_debian_packages(packages: list[str]) -> list[str]:
    if not shutil.which("dpkg-query"):
        return []
    missing = []
    for package in packages:
        result = subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}", package],
            capture_output=True, text=True, check=False)
        if "install ok installed" not in result.stdout:
            missing.append(package)
    return missing


def ensure_system_packages(packages: list[str]) -> None:
    if not sys.platform.startswith("linux") or not shutil.which("apt-get"):
        return
    missing = missing_debian_packages(packages)
    if not missing:
        return
    prefix: list[str] = []
    if os.geteuid() != 0:
        if not shutil.which("sudo"):
            say("missing system packages (install them as root): " + " ".join(missing))
            return
        prefix = ["sudo"]
    say("installing system packages: " + " ".join(missing))
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    if run([*prefix, "apt-get", "update", "-qq"], env=env) != 0:
        sys.exit("[dev] apt-get update failed")
    if run([*prefix, "apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing],
           env=env) != 0:
        sys.exit("[dev] apt-get install failed: " + " ".join(missing))


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def installed_extras(stamp: str, pyproject: bytes) -> set[str] | None:
    """The extras the stamp says are installed for this pyproject.toml, or None when the
    project must be (re)installed. The stamp is `<sha256 of pyproject.toml> <extras,…>`; an
    older stamp (one hash of pyproject.toml and the extras together) is still read."""
    digest = hashlib.sha256(pyproject).hexdigest()
    parts = stamp.split()
    if parts and parts[0] == digest:
        return {extra for extra in (parts[1] if len(parts) > 1 else "").split(",") if extra}
    for extras in ("dev,bundle", "", "dev", "bundle"):  # the stamp before extras were listed
        if stamp.strip() == hashlib.sha256(pyproject + extras.encode()).hexdigest():
            return {extra for extra in extras.split(",") if extra}
    return None


def ensure_venv(extras: str) -> Path:
    """Create .venv and install the project with `extras`, unless that is already done.

    `start` (no extras) after `test` (dev, bundle) installs nothing, nor the reverse once both
    ran: the stamp lists what is installed, and an install keeps what was there, so a set-up
    tree runs offline."""
    wanted = {extra for extra in extras.split(",") if extra}
    pyproject = (ROOT / "pyproject.toml").read_bytes()
    python = venv_python()
    have = installed_extras(STAMP.read_text(), pyproject) \
        if python.exists() and STAMP.exists() else None
    if have is not None and wanted <= have:
        return python
    if not python.exists():
        say("creating the virtual environment in .venv")
        venv.EnvBuilder(with_pip=True).create(VENV)
    say("installing Concordia and its pinned dependencies into .venv")
    quiet = ["--quiet", "--disable-pip-version-check"]
    if run([str(python), "-m", "pip", "install", *quiet, "--upgrade", "pip"]) != 0:
        say("could not upgrade pip (offline?); going on with the one there")
    if have is None and STAMP.exists():  # pyproject.toml changed: keep the extras there were
        listed = STAMP.read_text().split()
        have = set(listed[1].split(",")) if len(listed) > 1 else set()
    everything = sorted(wanted | (have or set()))
    target = f".[{','.join(everything)}]" if everything else "."
    if run([str(python), "-m", "pip", "install", *quiet, "--editable", target]) != 0:
        sys.exit("[dev] could not install the project")
    STAMP.write_text(f"{hashlib.sha256(pyproject).hexdigest()} {','.join(everything)}\n")
    return python


def start(arguments: list[str]) -> int:
    ensure_system_packages(RUNTIME_PACKAGES + DESKTOP_PACKAGES)
    python = ensure_venv("")
    return run([str(python), "-m", "desktop", *arguments])


def bundle() -> int:
    """Build the one-folder application (build.spec) and smoke-test it headless."""
    ensure_system_packages(RUNTIME_PACKAGES)
    python = ensure_venv("dev,bundle")
    say("building dist/Concordia with PyInstaller")
    code = run([str(python), "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                "build.spec"])
    if code != 0:
        return code
    say("smoke-testing the bundle")
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    return run([str(python), "tools/smoke_bundle.py"], env=env)


def bench(arguments: list[str]) -> int:
    """Every benchmark (python -m benchmarks), with the frozen bundle built first if absent."""
    ensure_system_packages(RUNTIME_PACKAGES + BENCH_PACKAGES)
    python = ensure_venv("dev,bundle")
    if not (ROOT / "dist" / "Concordia").is_dir():
        say("no dist/Concordia: building it for the window benchmark")
        if bundle() != 0:
            say("the bundle did not build: the window benchmark leaves it out")
    return run([str(python), "-m", "benchmarks", *arguments])


def test(arguments: list[str]) -> int:
    ensure_system_packages(RUNTIME_PACKAGES + BENCH_PACKAGES)
    python = ensure_venv("dev,bundle")
    say("ruff check")
    if run([str(python), "-m", "ruff", "check", "."]) != 0:
        return 1
    say("pytest")
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    code = run([str(python), "-m", "pytest", *arguments], env=env)
    if code == 5:
        say("pytest collected no tests: that is a failure")
        return 1
    if code != 0 or arguments:
        return code  # a partial run (arguments given) skips the bundle
    return bundle()


def main() -> int:
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py may be run by an older python3
        sys.exit("[dev] Concordia needs Python 3.11 or newer")
    commands = {"start": start, "test": test, "bundle": lambda _: bundle(), "bench": bench}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print(__doc__)
        return 2
    return commands[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
