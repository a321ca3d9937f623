"""Starting the packaged service and talking to it as a calling system would: shared by the checks in .ci/.

Only the standard library: the checks run on a fresh machine before anything else is installed.
"""
import base64
import json
import os
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request

JAR = "target/quarkus-app/quarkus-run.jar"
ADMIN_PASSWORD = "ci-admin-password-not-secret"


def fresh_postgres(database):
    """Environment variables that point the service at a new, empty PostgreSQL database (made by .ci/postgres-up's
    role, which may create databases)."""
    for sql in (f"DROP DATABASE IF EXISTS {database}", f"CREATE DATABASE {database}"):
        subprocess.run(["psql", "-h", "localhost", "-U", "skills", "-d", "postgres", "-qc", sql],
                       env=dict(os.environ, PGPASSWORD="skills"), check=True)
    return {
        "QUARKUS_DATASOURCE_JDBC_URL": f"jdbc:postgresql://localhost:5432/{database}",
        "QUARKUS_DATASOURCE_USERNAME": "skills",
        "QUARKUS_DATASOURCE_PASSWORD": "skills",
    }


def start(port, data_dir, jar=JAR, env=None, java_options=(), log_name=None):
    """The packaged service on a port, with its own data directory, as the README runs it."""
    os.makedirs(data_dir, exist_ok=True)
    environment = dict(os.environ, QUARKUS_HTTP_PORT=str(port), SKILLS_RULES_DIR="rules",
                       SKILLS_DATA_DIR=os.path.abspath(data_dir), SKILLS_ADMIN_PASSWORD=ADMIN_PASSWORD)
    environment.update(env or {})
    log = open(log_name or f"target/service-{port}.log", "w")
    return subprocess.Popen(["java", *java_options, "-jar", jar], env=environment, stdout=log,
                            stderr=subprocess.STDOUT)


def call(port, method, path, body=None, token=None, timeout=60, headers=None):
    """(status, parsed JSON body) of one request."""
    data = None if body is None else json.dumps(body).encode()
    all_headers = {"Content-Type": "application/json"}
    if token:
        all_headers["Authorization"] = "Bearer " + token
    all_headers.update(headers or {})
    req = urllib.request.Request(f"http://localhost:{port}{path}", data=data, method=method, headers=all_headers)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, json.loads(r.read() or b"null")
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"null")


def wait_ready(port, deadline_seconds=90, process=None):
    deadline = time.time() + deadline_seconds
    while time.time() < deadline:
        if process is not None and process.poll() is not None:
            raise SystemExit(f"the service on {port} exited with {process.returncode}; see target/service-{port}.log")
        try:
            if call(port, "GET", "/q/health/ready", timeout=5)[0] == 200:
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    raise SystemExit(f"the service on {port} did not become ready")


def token(port, form, basic=None):
    """An access token from POST /oauth/token."""
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    if basic:
        headers["Authorization"] = "Basic " + base64.b64encode(":".join(basic).encode()).decode()
    req = urllib.request.Request(f"http://localhost:{port}/oauth/token",
                                 data=urllib.parse.urlencode(form).encode(), method="POST", headers=headers)
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.loads(r.read())["access_token"]


def admin_token(port, password=ADMIN_PASSWORD):
    return token(port, {"grant_type": "password", "username": "admin", "password": password})


def client_token(port, client_id, roles, admin=None):
    """A token of a calling system, created (or given a new secret) by the administrator."""
    admin = admin or admin_token(port)
    status, created = call(port, "POST", "/api/v1/admin/clients", {"clientId": client_id, "roles": roles},
                           token=admin)
    if status == 409:
        status, created = call(port, "POST", f"/api/v1/admin/clients/{client_id}/secret", token=admin)
    if status not in (200, 201):
        raise SystemExit(f"creating client {client_id}: {status} {created}")
    return token(port, {"grant_type": "client_credentials", "client_id": client_id,
                        "client_secret": created["clientSecret"]})
