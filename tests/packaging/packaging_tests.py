#!/usr/bin/python3
"""Checks of Glosa's packaging (packaging/), run by ctest with the label `packaging`.

Usage: packaging_tests.py CHECK --source DIR --build DIR --packages DIR --version X.Y.Z
                          [--cmake CMAKE] [--cpack CPACK] [--server-binary FILE]

CHECK is one of:
  desktop-file  desktop-file-validate on packaging/org.glosa.Glosa.desktop, and that it makes
                Glosa the handler of glosa: links and takes URLs (Exec glosa %u)
  metainfo      appstreamcli validate --no-net on packaging/org.glosa.Glosa.metainfo.xml
  install-tree  `cmake --install` into a DESTDIR for the prefixes /usr and /usr/local: every file in
                its place and nothing else, the systemd unit naming the paths installed, the
                configuration readable by root only and kept when it was edited, the man pages
                clean, `appstreamcli validate-tree` on the tree
  cpack         cpack makes the .deb and the .tar.gz (into --packages): their files, the .deb's
                control fields (dependencies from dpkg-shlibdeps, the Qt plugins and Qt's
                translations; recommendations), its conffile and maintainer scripts
  token         `glosa-server token` of the build tree: its refusals, and tokens that verify
                with the tenant's secret and that glosa-server accepts
  deb-install   (root only) apt installs the .deb; the unit verifies; the installed glosa-server,
                with the installed configuration, answers a WebSocket hello and /healthz and exits
                0 on SIGTERM; `glosa-server token` mints tokens that verify and that the installed
                server accepts; the installed `glosa --version` runs. The package is purged again
                when it was not installed before.

Exits 0 when the check passes, 77 when it is skipped, 1 with a message naming the first fault.
"""

import argparse
import asyncio
import base64
import hashlib
import hmac
import json
import os
import queue
import secrets
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

SKIP = 77
APP_ID = "org.glosa.Glosa"
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256)
TIMEOUT = 10.0


class Failure(Exception):
    pass


def check(condition, what):
    if not condition:
        raise Failure(what)


def same(actual, expected, what):
    check(actual == expected, f"{what}: expected {expected!r}, got {actual!r}")


def run(cmd, *, ok=(0,), env=None, cwd=None, timeout=120):
    """Runs cmd; fails unless its exit status is in `ok`. Returns the CompletedProcess."""
    result = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=cwd,
                            timeout=timeout)
    if result.returncode not in ok:
        raise Failure(f"{' '.join(map(str, cmd))} exited with {result.returncode}\n"
                      f"--- stdout\n{result.stdout}--- stderr\n{result.stderr}")
    return result


def tool(name, package):
    path = shutil.which(name)
    check(path, f"{name} is missing: install {package} (bash .ci/install-deps does)")
    return path


# --- What an installation holds -----------------------------------------------------------------

def etc_dir(prefix):
    """Where GNUInstallDirs puts the configuration of a prefix."""
    return "/etc" if prefix in ("/usr", "/") else f"{prefix}/etc"


def expected_files(prefix):
    files = [
        "bin/glosa",
        "bin/glosa-server",
        f"share/applications/{APP_ID}.desktop",
        f"share/metainfo/{APP_ID}.metainfo.xml",
        f"share/icons/hicolor/scalable/apps/{APP_ID}.svg",
        "share/man/man1/glosa.1.gz",
        "share/man/man1/glosa-server.1.gz",
        "lib/systemd/system/glosa-server.service",
    ]
    files += [f"share/icons/hicolor/{s}x{s}/apps/{APP_ID}.png" for s in ICON_SIZES]
    paths = {f"{prefix}/{f}" for f in files}
    paths.add(f"{etc_dir(prefix)}/glosa-server/config.json")
    return paths


def files_under(root):
    root = Path(root)
    return {"/" + str(p.relative_to(root)) for p in root.rglob("*") if not p.is_dir()}


def png_size(path):
    data = Path(path).read_bytes()[:24]
    check(data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG")
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def check_unit(text, prefix, where):
    lines = [line.strip() for line in text.splitlines()]
    config = f"{etc_dir(prefix)}/glosa-server/config.json"
    exec_start = (f"ExecStart={prefix}/bin/glosa-server --config %d/config.json "
                  "--data /var/lib/glosa-server")
    for line in (f"LoadCredential=config.json:{config}", exec_start, "DynamicUser=yes",
                 "StateDirectory=glosa-server", "NoNewPrivileges=yes", "ProtectSystem=strict",
                 "ProtectHome=yes", "PrivateTmp=yes", "PrivateDevices=yes",
                 "RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX", "CapabilityBoundingSet=",
                 "SystemCallFilter=@system-service", "WantedBy=multi-user.target"):
        check(line in lines, f"{where}: the unit lacks the line {line!r}")
    check("@" not in text.replace("@system-service", "").replace("@privileged", "")
          .replace("@resources", ""), f"{where}: the unit has an unconfigured @VARIABLE@")


def check_default_config(path):
    mode = stat.S_IMODE(os.stat(path).st_mode)
    same(oct(mode), oct(0o600), f"the mode of {path} (it holds the tenants' secrets)")
    config = json.loads(Path(path).read_text())
    same(config.get("tenants"), [{"id": "local", "anonymous": True}],
         f"the tenants of the default configuration {path}")


def check_man_pages(root, prefix):
    groff = shutil.which("groff")
    for page in ("glosa.1", "glosa-server.1"):
        gz = Path(f"{root}{prefix}/share/man/man1/{page}.gz")
        data = subprocess.run(["gzip", "-dc", str(gz)], capture_output=True, check=True).stdout
        check(data.startswith(b".TH "), f"{gz} is not a man page")
        if groff:
            result = subprocess.run([groff, "-man", "-ww", "-z"], input=data,
                                    capture_output=True)
            same(result.stderr.decode(), "", f"groff's warnings on {page}")


# --- The checks ----------------------------------------------------------------------------------

def check_desktop_file(args):
    validate = tool("desktop-file-validate", "desktop-file-utils")
    desktop = Path(args.source, "packaging", f"{APP_ID}.desktop")
    result = run([validate, str(desktop)], ok=range(256))
    output = (result.stdout + result.stderr).strip()
    check(result.returncode == 0 and not output,
          f"desktop-file-validate {desktop} (status {result.returncode}):\n{output}")
    # The file name is the desktop file name the app announces (QGuiApplication::desktopFileName).
    main = Path(args.source, "app", "desktop", "main.cpp").read_text()
    check(f'setDesktopFileName(u"{APP_ID}"_s)' in main,
          f"app/desktop/main.cpp does not call setDesktopFileName with {APP_ID}")
    check_link_handler(desktop)
    print(f"desktop-file-validate: {desktop.name} is valid")


def desktop_entry(path):
    """The keys of the [Desktop Entry] group of a desktop file."""
    entry, group = {}, None
    for line in Path(path).read_text().splitlines():
        line = line.strip()
        if line.startswith("["):
            group = line
        elif group == "[Desktop Entry]" and "=" in line and not line.startswith("#"):
            key, value = line.split("=", 1)
            entry[key.strip()] = value.strip()
    return entry


def check_link_handler(desktop):
    """Glosa handles glosa: links, and takes files and links as URLs (%u: a desktop passes a
    file as a file:// URL or a path, and a link as it is)."""
    entry = desktop_entry(desktop)
    types = entry.get("MimeType", "").split(";")
    for wanted in ("x-scheme-handler/glosa", "text/plain", "text/markdown", "application/pdf"):
        check(wanted in types, f"{desktop.name}: MimeType lacks {wanted}")
    same(entry.get("Exec"), "glosa %u", f"the Exec line of {desktop.name}")
    # As a desktop's database of handlers sees it.
    update = tool("update-desktop-database", "desktop-file-utils")
    with tempfile.TemporaryDirectory(prefix="glosa-applications-") as folder:
        shutil.copy(desktop, folder)
        run([update, folder])
        cache = Path(folder, "mimeinfo.cache").read_text().splitlines()
        for wanted in ("x-scheme-handler/glosa", "application/pdf"):
            check(f"{wanted}={desktop.name};" in cache,
                  f"update-desktop-database does not make {desktop.name} the handler of "
                  f"{wanted}:\n" + "\n".join(cache))


def check_metainfo(args):
    appstreamcli = tool("appstreamcli", "appstream")
    metainfo = Path(args.source, "packaging", f"{APP_ID}.metainfo.xml")
    result = run([appstreamcli, "validate", "--no-net", "--explain", str(metainfo)],
                 ok=range(256))
    print(result.stdout + result.stderr)
    same(result.returncode, 0, f"the status of appstreamcli validate --no-net {metainfo}")
    text = metainfo.read_text()
    for needle in (f'<release version="{args.version}"', "<binary>glosa</binary>",
                   "<binary>glosa-server</binary>", f"{APP_ID}.desktop</launchable>",
                   'content_rating type="oars-1.1"', "<screenshot "):
        check(needle in text, f"{metainfo.name} lacks {needle}")


def install(args, prefix, destdir):
    env = dict(os.environ, DESTDIR=str(destdir))
    return run([args.cmake, "--install", args.build, "--prefix", prefix], env=env)


def check_install_tree(args):
    appstreamcli = tool("appstreamcli", "appstream")
    validate = tool("desktop-file-validate", "desktop-file-utils")
    for prefix in ("/usr", "/usr/local"):
        with tempfile.TemporaryDirectory(prefix="glosa-install-") as root:
            install(args, prefix, root)
            installed = files_under(root)
            expected = expected_files(prefix)
            same(sorted(installed - expected), [], f"files installed unexpectedly for {prefix}")
            same(sorted(expected - installed), [], f"files missing for {prefix}")
            for size in ICON_SIZES:
                png = f"{root}{prefix}/share/icons/hicolor/{size}x{size}/apps/{APP_ID}.png"
                same(png_size(png), (size, size), f"the size of {png}")
            for binary in ("glosa", "glosa-server"):
                check(os.access(f"{root}{prefix}/bin/{binary}", os.X_OK),
                      f"{prefix}/bin/{binary} is not executable")
            unit = Path(f"{root}{prefix}/lib/systemd/system/glosa-server.service").read_text()
            check_unit(unit, prefix, f"the unit installed for {prefix}")
            config = f"{root}{etc_dir(prefix)}/glosa-server/config.json"
            check_default_config(config)
            check_man_pages(root, prefix)
            desktop = f"{root}{prefix}/share/applications/{APP_ID}.desktop"
            run([validate, desktop])
            if prefix == "/usr":
                # The desktop entry, the metainfo and the icons, as software centres see them.
                result = run([appstreamcli, "validate-tree", "--no-net", "--explain", root],
                             ok=range(256))
                print(result.stdout + result.stderr)
                same(result.returncode, 0, "the status of appstreamcli validate-tree")
                # An installation over an edited configuration keeps it.
                edited = '{"tenants": [{"id": "team", "secret": "edited"}]}\n'
                Path(config).write_text(edited)
                result = install(args, prefix, root)
                same(Path(config).read_text(), edited,
                     "the edited configuration after installing again")
                check("Keeping" in result.stdout, "installing again does not say it keeps the "
                      f"edited configuration:\n{result.stdout}")
        print(f"cmake --install --prefix {prefix}: {len(expected)} files, each in its place")


def find_packages(args):
    packages = Path(args.packages)
    debs = sorted(packages.glob(f"glosa_{args.version}_*.deb"))
    tars = sorted(packages.glob(f"glosa-{args.version}-Linux-*.tar.gz"))
    check(len(debs) == 1, f"expected one glosa_{args.version}_*.deb in {packages}, found "
          f"{[d.name for d in debs]}")
    check(len(tars) == 1, f"expected one glosa-{args.version}-Linux-*.tar.gz in {packages}, "
          f"found {[t.name for t in tars]}")
    return debs[0], tars[0]


def check_cpack(args):
    tool("dpkg-deb", "dpkg")
    tool("dpkg-shlibdeps", "dpkg-dev")
    packages = Path(args.packages)
    shutil.rmtree(packages, ignore_errors=True)
    packages.mkdir(parents=True)
    started = time.monotonic()
    run([args.cpack, "--config", str(Path(args.build, "CPackConfig.cmake")), "-B",
         str(packages)], timeout=600)
    print(f"cpack: {time.monotonic() - started:.1f} s")
    deb, tar = find_packages(args)

    # Control fields.
    fields = {}
    for field in ("Package", "Version", "Architecture", "Depends", "Recommends", "Maintainer",
                  "Description"):
        fields[field] = run(["dpkg-deb", "--field", str(deb), field]).stdout.strip()
    same(fields["Package"], "glosa", "the package name")
    same(fields["Version"], args.version, "the package version")
    depends = {d.strip().split(" ")[0] for d in fields["Depends"].split(",")}
    # The Qt plugins and translations loaded at run time, and libraries only dpkg-shlibdeps can
    # have found.
    for package in ("qt6-qpa-plugins", "libqt6sql6-sqlite", "libqt6svg6", "qt6-translations-l10n",
                    "libc6", "libqt6core6", "libqt6gui6", "libqt6widgets6", "libqt6network6",
                    "libqt6websockets6", "libqt6sql6", "libqt6pdf6"):
        check(package in depends, f"the .deb does not depend on {package}: {fields['Depends']}")
    print(f"Depends: {fields['Depends']}")
    # What the app cannot do without is not merely recommended (apt may leave recommendations out).
    recommends = {r.strip().split(" ")[0] for r in fields["Recommends"].split(",")}
    same(sorted(recommends & depends), [], "the packages both recommended and depended on")
    check("qt6-wayland" in recommends, f"the .deb does not recommend qt6-wayland: "
          f"{fields['Recommends']}")

    # Control files: the conffile and the maintainer scripts.
    with tempfile.TemporaryDirectory(prefix="glosa-control-") as control:
        run(["dpkg-deb", "--control", str(deb), control])
        same(Path(control, "conffiles").read_text().split(), ["/etc/glosa-server/config.json"],
             "the conffiles of the .deb")
        for script in ("postinst", "prerm", "postrm"):
            path = Path(control, script)
            check(os.access(path, os.X_OK), f"the .deb's {script} is not executable")
            run(["sh", "-n", str(path)])

    # The files of the .deb: those of a /usr installation, with the configuration in /etc.
    listing = run(["dpkg-deb", "--contents", str(deb)]).stdout.splitlines()
    entries = {}
    for line in listing:
        parts = line.split()
        name = parts[5][1:]  # ./usr/bin/glosa -> /usr/bin/glosa
        entries[name.rstrip("/")] = parts[0]
    files = {name for name, mode in entries.items() if not mode.startswith("d")}
    same(sorted(files ^ expected_files("/usr")), [], "the difference between the .deb's files "
         "and a /usr installation")
    same(entries["/etc/glosa-server/config.json"], "-rw-------", "the mode of the configuration")
    for binary in ("/usr/bin/glosa", "/usr/bin/glosa-server"):
        same(entries[binary], "-rwxr-xr-x", f"the mode of {binary}")
    with tempfile.TemporaryDirectory(prefix="glosa-deb-") as root:
        run(["dpkg-deb", "--extract", str(deb), root])
        unit = Path(root, "usr/lib/systemd/system/glosa-server.service").read_text()
        check_unit(unit, "/usr", "the .deb's unit")
        check_default_config(Path(root, "etc/glosa-server/config.json"))

    # The .tar.gz: the same files for /usr/local, under one top folder.
    with tempfile.TemporaryDirectory(prefix="glosa-tgz-") as root:
        run(["tar", "-xzf", str(tar), "-C", root])
        tops = os.listdir(root)
        same(tops, [tar.name[:-len(".tar.gz")]], "the top folder of the .tar.gz")
        top = Path(root, tops[0])
        same(sorted(files_under(top) ^ expected_files("/usr/local")), [],
             "the difference between the .tar.gz's files and a /usr/local installation")
        check_unit((top / "usr/local/lib/systemd/system/glosa-server.service").read_text(),
                   "/usr/local", "the .tar.gz's unit")
    print(f"{deb.name}: {len(files)} files; {tar.name}: the same for /usr/local")


# --- The installed package at work ---------------------------------------------------------------

class Server:
    """The installed glosa-server in a child process, on free loopback ports."""

    def __init__(self, binary, workdir, name, config):
        self.log = Path(workdir, f"{name}.stderr")
        self.process = subprocess.Popen(
            [binary, "--listen", "127.0.0.1:0", "--admin-listen",
             "127.0.0.1:0", "--data", str(Path(workdir, f"{name}-data")), "--config",
             str(config)],
            stdout=subprocess.PIPE, stderr=self.log.open("w"), text=True)
        lines = queue.Queue()
        threading.Thread(target=lambda: [lines.put(line) for line in self.process.stdout],
                         daemon=True).start()
        try:
            first = lines.get(timeout=TIMEOUT).split()
            second = lines.get(timeout=TIMEOUT).split()
        except queue.Empty:
            self.stop()
            raise Failure(f"{binary} printed no listeners:\n{self.stderr()}")
        same(first[0], "listening", "the first word the server prints")
        same(second[0], "admin", "the first word of the server's second line")
        self.url, self.admin = first[1], second[1]

    def stderr(self):
        return self.log.read_text(errors="replace")

    def terminate(self):
        """Sends SIGTERM; returns the exit status."""
        self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise Failure(f"glosa-server did not exit within {TIMEOUT} s of SIGTERM")

    def stop(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


async def hello(url, tenant, token=None):
    """Sends a hello; returns the first frame the server sends back, and the close code when the
    server closed the connection instead of welcoming it."""
    import websockets

    message = {"type": "hello", "v": 1, "tenant": tenant, "page": "packaging/check"}
    if token is not None:
        message["token"] = token
    async with websockets.connect(url, open_timeout=TIMEOUT) as ws:
        await ws.send(json.dumps(message))
        frame = json.loads(await asyncio.wait_for(ws.recv(), TIMEOUT))
        if frame.get("type") == "welcome":
            return frame, None
        try:
            while True:
                await asyncio.wait_for(ws.recv(), TIMEOUT)
        except websockets.ConnectionClosed as closed:
            return frame, closed.code


def http_get(url):
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(url, timeout=TIMEOUT) as response:
        return response.status, response.read().decode()


def b64decode(part):
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


def verify_jwt(token, secret):
    head, body, signature = token.split(".")
    expected = hmac.new(secret.encode(), f"{head}.{body}".encode(), hashlib.sha256).digest()
    check(hmac.compare_digest(b64decode(signature), expected),
          "the token's signature does not verify with the tenant's secret")
    same(json.loads(b64decode(head)), {"alg": "HS256", "typ": "JWT"}, "the token's header")
    return json.loads(b64decode(body))


def check_tokens(binary, workdir):
    """`glosa-server token`: its refusals, and tokens that verify and that the server accepts."""
    secret = secrets.token_urlsafe(32)
    config = Path(workdir, "config.json")
    config.write_text(json.dumps({"tenants": [{"id": "local", "anonymous": True},
                                              {"id": "acme", "secret": secret}]}))
    token_command = [binary, "token", "--config", str(config)]
    for arguments, complaint in (
            (["--tenant", "nope", "--sub", "ana"], 'tenant "nope" is not in'),
            (["--tenant", "local", "--sub", "ana"], 'tenant "local" has no secret'),
            (["--tenant", "acme"], "--sub is required"),
            (["--tenant", "acme", "--sub", "anon:x"], "anonymous users"),
            (["--tenant", "acme", "--sub", "ana", "--role", "owner"], "--role must be"),
            (["--tenant", "acme", "--sub", "ana", "--days", "0"], "--days takes"),
            (["--tenant", "acme", "--sub", "ana", "--name", ""], "--name")):
        result = run(token_command + arguments, ok=(2,))
        check(complaint in result.stderr and not result.stdout,
              f"glosa-server token {' '.join(arguments)}: {result.stderr!r}")
    result = run([binary, "token", "--tenant", "acme", "--sub", "ana"], ok=(2,))
    check("--config is required" in result.stderr, f"token without --config: {result.stderr!r}")
    result = run(token_command + ["--tenant", "acme", "--sub", "ana", "--help"])
    check("token [options]" in result.stdout, f"glosa-server token --help: {result.stdout!r}")
    # Without --name and --role: the name is the id, the role member, for 30 days.
    claims = verify_jwt(run(token_command + ["--tenant", "acme", "--sub", "bo"]).stdout.strip(),
                        secret)
    same({k: claims.get(k) for k in ("tid", "sub", "name", "role")},
         {"tid": "acme", "sub": "bo", "name": None, "role": "member"},
         "the claims of a token with the defaults")
    same(claims["exp"] - claims["iat"], 30 * 86400, "the default lifetime in seconds")
    before = int(time.time())
    result = run(token_command + ["--tenant", "acme", "--sub", "ana", "--name", "Ana Lucía",
                                  "--role", "moderator", "--days", "2"])
    token = result.stdout.strip()
    same(result.stdout.count("\n"), 1, "the lines glosa-server token prints")
    claims = verify_jwt(token, secret)
    same({k: claims.get(k) for k in ("tid", "sub", "name", "role")},
         {"tid": "acme", "sub": "ana", "name": "Ana Lucía", "role": "moderator"},
         "the token's claims")
    check(before - 1 <= claims["iat"] <= time.time() + 1, f"iat is now: {claims}")
    same(claims["exp"] - claims["iat"], 2 * 86400, "the token's lifetime in seconds")
    forged = token.rsplit(".", 1)[0] + "." + base64.urlsafe_b64encode(
        hmac.new(b"not-the-secret", token.rsplit(".", 1)[0].encode(), hashlib.sha256).digest()
    ).rstrip(b"=").decode()

    server = Server(binary, workdir, "tokens", config)
    try:
        welcome, _ = asyncio.run(hello(server.url, "acme", token))
        same(welcome.get("type"), "welcome", "the answer to a hello with the minted token")
        same(welcome["user"], {"id": "ana", "name": "Ana Lucía", "role": "moderator"},
             "the user the server sees in the minted token")
        frame, code = asyncio.run(hello(server.url, "acme", forged))
        check(frame.get("type") != "welcome", "a token signed with another secret was welcomed")
        same(code, 4401, f"the close code for a forged token (after {frame})")
        same(server.terminate(), 0, "the exit status of glosa-server after SIGTERM")
    finally:
        server.stop()
    print(f"{binary} token: verifies with the tenant's secret, and the server accepts it")


def check_token(args):
    with tempfile.TemporaryDirectory(prefix="glosa-token-") as workdir:
        check_tokens(args.server_binary, workdir)


def package_installed():
    result = subprocess.run(["dpkg-query", "-W", "-f=${Status}", "glosa"], capture_output=True,
                            text=True)
    return result.returncode == 0 and "install ok installed" in result.stdout


def apt_get(*arguments, cwd=None):
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    return run(["apt-get", "-y", "-o", "DPkg::Lock::Timeout=120", *arguments], env=env, cwd=cwd,
               timeout=300)


def check_deb_install(args):
    if os.geteuid() != 0:
        print("SKIP: installing the .deb needs root (CI runs as root on a throwaway machine)")
        return SKIP
    if not shutil.which("apt-get"):
        print("SKIP: no apt-get on this machine")
        return SKIP
    deb, _ = find_packages(args)
    was_installed = package_installed()
    # --reinstall: the package may be installed already, at the same version.
    apt_get("install", "--no-install-recommends", "--reinstall", f"./{deb.name}", cwd=deb.parent)
    try:
        with tempfile.TemporaryDirectory(prefix="glosa-installed-") as workdir:
            exercise_installed(args, workdir)
    finally:
        if not was_installed:
            apt_get("purge", "glosa")
            check(not Path("/usr/bin/glosa-server").exists(),
                  "/usr/bin/glosa-server is still there after purging the package")
            check(not Path("/etc/glosa-server").exists(),
                  "/etc/glosa-server is still there after purging the package")
            print("purged the package again")
    return 0


def exercise_installed(args, workdir):
    version = run(["dpkg-query", "-W", "-f=${Version}", "glosa"]).stdout
    same(version, args.version, "the installed version")
    conffiles = run(["dpkg-query", "-W", "-f=${Conffiles}", "glosa"]).stdout
    check("/etc/glosa-server/config.json" in conffiles,
          f"/etc/glosa-server/config.json is not a conffile: {conffiles!r}")
    listed = set(run(["dpkg", "-L", "glosa"]).stdout.split())
    same(sorted(expected_files("/usr") - listed), [], "files missing from dpkg -L glosa")
    for path in expected_files("/usr"):
        check(Path(path).is_file(), f"{path} was not installed")
    check_default_config("/etc/glosa-server/config.json")

    unit = "/usr/lib/systemd/system/glosa-server.service"
    if shutil.which("systemd-analyze"):
        run(["systemd-analyze", "verify", unit])
        # The hardening: an exposure level of at most 2.0 of 10 ("OK").
        result = run(["systemd-analyze", "security", "--offline=yes", "--threshold=20", unit],
                     ok=range(256))
        summary = [l for l in result.stdout.splitlines() if "Overall exposure" in l]
        print(summary[0] if summary else result.stdout)
        same(result.returncode, 0, "the status of systemd-analyze security --threshold=20")
        print("systemd-analyze verify: the unit is valid")

    # The installed server with the installed configuration: anonymous users of `local`.
    server = Server("/usr/bin/glosa-server", workdir, "default", "/etc/glosa-server/config.json")
    try:
        welcome, _ = asyncio.run(hello(server.url, "local"))
        same(welcome.get("type"), "welcome", "the answer to an anonymous hello")
        check(welcome["user"]["id"].startswith("anon:"), f"an anonymous user: {welcome['user']}")
        same(http_get(server.admin + "/healthz"), (200, "ok\n"), "GET /healthz")
        same(server.terminate(), 0, "the exit status of glosa-server after SIGTERM")
    finally:
        server.stop()
    print(f"/usr/bin/glosa-server --config /etc/glosa-server/config.json: welcome, /healthz ok, "
          "exit 0 on SIGTERM")

    check_tokens("/usr/bin/glosa-server", workdir)

    # The installed app and server say their version.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=workdir,
               XDG_CONFIG_HOME=f"{workdir}/config", XDG_DATA_HOME=f"{workdir}/data",
               XDG_CACHE_HOME=f"{workdir}/cache", XDG_RUNTIME_DIR=workdir)
    same(run(["/usr/bin/glosa", "--version"], env=env, timeout=30).stdout.strip(),
         f"Glosa {args.version}", "glosa --version")
    same(run(["/usr/bin/glosa-server", "--version"], env=env, timeout=30).stdout.strip(),
         f"glosa-server {args.version}", "glosa-server --version")
    print(f"/usr/bin/glosa --version: Glosa {args.version}")


CHECKS = {
    "desktop-file": check_desktop_file,
    "metainfo": check_metainfo,
    "install-tree": check_install_tree,
    "cpack": check_cpack,
    "token": check_token,
    "deb-install": check_deb_install,
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("check", choices=sorted(CHECKS))
    parser.add_argument("--source", required=True)
    parser.add_argument("--build", required=True)
    parser.add_argument("--packages", required=True)
    parser.add_argument("--version", required=True)
    parser.add_argument("--cmake", default="cmake")
    parser.add_argument("--cpack", default="cpack")
    parser.add_argument("--server-binary", default="glosa-server")
    args = parser.parse_args()
    try:
        status = CHECKS[args.check](args)
    except Failure as failure:
        print(f"FAIL: {failure}", file=sys.stderr)
        return 1
    return status or 0


if __name__ == "__main__":
    sys.exit(main())
