"""Checks the deployment files without Docker or a cluster: they parse, and they agree with
each other and with heard (probe paths, Secret keys, image name, known settings).

Run by deploy/check.sh; exits 1 with one line per problem.
"""

import re
import sys
from pathlib import Path

import yaml

DEPLOY = Path(__file__).resolve().parent
ROOT = DEPLOY.parent
problems = []


def problem(where, what):
    problems.append(f"{where}: {what}")


def known_settings():
    """The HEARD_* names in src/config.rs SETTINGS, the one list heard reads."""
    source = (ROOT / "src/config.rs").read_text()
    block = source.split("pub const SETTINGS", 1)[1].split("];", 1)[0]
    return set(re.findall(r'"(HEARD_[A-Z0-9_]+)"', block))


SETTINGS = known_settings()


def check_setting_names(where, names):
    for name in names:
        if name.startswith("HEARD_") and name not in SETTINGS:
            problem(where, f"{name} is not a heard setting (src/config.rs SETTINGS)")


def load_all(path):
    try:
        with path.open() as f:
            return [d for d in yaml.safe_load_all(f) if d is not None]
    except yaml.YAMLError as e:
        problem(path.relative_to(ROOT), f"does not parse: {e}")
        return []


# --- Kubernetes -------------------------------------------------------------------------

API_VERSIONS = {
    "Deployment": "apps/v1",
    "Service": "v1",
    "Secret": "v1",
    "HorizontalPodAutoscaler": "autoscaling/v2",
    "PodDisruptionBudget": "policy/v1",
    "Kustomization": "kustomize.config.k8s.io/v1beta1",
}
REQUIRED_KINDS = {"Deployment", "Service", "Secret", "HorizontalPodAutoscaler"}

objects = {}  # (kind, name) -> (file, object)
for path in sorted((DEPLOY / "k8s").glob("*.yaml")):
    where = path.relative_to(ROOT)
    for doc in load_all(path):
        kind = doc.get("kind")
        if kind not in API_VERSIONS:
            problem(where, f"unexpected kind {kind!r}")
            continue
        if doc.get("apiVersion") != API_VERSIONS[kind]:
            problem(where, f"{kind} needs apiVersion {API_VERSIONS[kind]}, not {doc.get('apiVersion')!r}")
        name = (doc.get("metadata") or {}).get("name", "")
        if kind != "Kustomization" and not name:
            problem(where, f"{kind} has no metadata.name")
        objects[(kind, name)] = (where, doc)

for kind in sorted(REQUIRED_KINDS - {k for k, _ in objects}):
    problem("deploy/k8s", f"no {kind}")


def of_kind(kind):
    return [(w, d) for (k, _), (w, d) in objects.items() if k == kind]


def matches(selector, labels):
    return bool(selector) and all(labels.get(k) == v for k, v in selector.items())


k8s_images = set()
secrets = {name: set((d.get("stringData") or {}) | (d.get("data") or {})) for (k, name), (_, d) in objects.items() if k == "Secret"}
deployments = {}
for where, dep in of_kind("Deployment"):
    name = dep["metadata"]["name"]
    spec = dep.get("spec") or {}
    pod = (spec.get("template") or {}).get("spec") or {}
    labels = ((spec.get("template") or {}).get("metadata") or {}).get("labels") or {}
    deployments[name] = labels
    if (spec.get("replicas") or 0) < 2:
        problem(where, "Deployment needs at least 2 replicas")
    if not matches((spec.get("selector") or {}).get("matchLabels"), labels):
        problem(where, "Deployment selector does not match its pod labels")
    pod_security = pod.get("securityContext") or {}
    containers = pod.get("containers") or []
    if not containers:
        problem(where, "Deployment has no containers")
    for c in containers:
        cname = c.get("name", "?")
        k8s_images.add(c.get("image"))
        ports = {p.get("name"): p.get("containerPort") for p in c.get("ports") or []}
        for probe, path in (("readinessProbe", "/readyz"), ("livenessProbe", "/healthz")):
            get = ((c.get(probe) or {}).get("httpGet")) or {}
            if get.get("path") != path:
                problem(where, f"{cname}: {probe} must GET {path}, not {get.get('path')!r}")
            port = get.get("port")
            if port not in ports and port not in ports.values():
                problem(where, f"{cname}: {probe} port {port!r} is not a container port")
        resources = c.get("resources") or {}
        if not resources.get("requests") or not resources.get("limits"):
            problem(where, f"{cname}: needs resources.requests and resources.limits")
        sc = c.get("securityContext") or {}
        if not (sc.get("runAsNonRoot") or pod_security.get("runAsNonRoot")):
            problem(where, f"{cname}: needs runAsNonRoot: true")
        if sc.get("readOnlyRootFilesystem") is not True:
            problem(where, f"{cname}: needs readOnlyRootFilesystem: true")
        if sc.get("allowPrivilegeEscalation") is not False:
            problem(where, f"{cname}: needs allowPrivilegeEscalation: false")
        env = {e.get("name"): e for e in c.get("env") or []}
        check_setting_names(where, env)
        for needed in ("HEARD_SECRET", "HEARD_DATABASE_URL"):
            ref = ((env.get(needed) or {}).get("valueFrom") or {}).get("secretKeyRef")
            if not ref:
                problem(where, f"{cname}: {needed} must come from a Secret (secretKeyRef)")
        for e in env.values():
            ref = (e.get("valueFrom") or {}).get("secretKeyRef")
            if ref:
                if ref.get("name") not in secrets:
                    problem(where, f"{e['name']} names Secret {ref.get('name')!r}, which deploy/k8s does not hold")
                elif ref.get("key") not in secrets[ref["name"]]:
                    problem(where, f"{e['name']} names key {ref.get('key')!r}, not in Secret {ref['name']!r}")

for where, secret in of_kind("Secret"):
    check_setting_names(where, secrets[secret["metadata"]["name"]])
    text = Path(ROOT / where).read_text()
    if "TEMPLATE" not in text or any("PLACEHOLDER" not in str(v) for v in (secret.get("stringData") or {}).values()):
        problem(where, "the Secret must be marked TEMPLATE and hold only PLACEHOLDER values")

for where, svc in of_kind("Service"):
    selector = (svc.get("spec") or {}).get("selector") or {}
    if not any(matches(selector, labels) for labels in deployments.values()):
        problem(where, "Service selects no Deployment's pods")
    if not (svc.get("spec") or {}).get("ports"):
        problem(where, "Service has no ports")

for where, hpa in of_kind("HorizontalPodAutoscaler"):
    spec = hpa.get("spec") or {}
    target = spec.get("scaleTargetRef") or {}
    if target.get("kind") != "Deployment" or target.get("name") not in deployments:
        problem(where, f"scaleTargetRef {target.get('kind')}/{target.get('name')} is not a Deployment here")
    if not (1 <= (spec.get("minReplicas") or 0) <= (spec.get("maxReplicas") or 0)):
        problem(where, "needs 1 <= minReplicas <= maxReplicas")
    if not spec.get("metrics"):
        problem(where, "HorizontalPodAutoscaler has no metrics")

for where, pdb in of_kind("PodDisruptionBudget"):
    selector = ((pdb.get("spec") or {}).get("selector") or {}).get("matchLabels")
    if not any(matches(selector, labels) for labels in deployments.values()):
        problem(where, "PodDisruptionBudget selects no Deployment's pods")

for where, kust in of_kind("Kustomization"):
    for resource in kust.get("resources") or []:
        if not (DEPLOY / "k8s" / resource).exists():
            problem(where, f"resource {resource} does not exist")
        if "secret" in resource:
            problem(where, "the Secret template must not be applied by kustomize")

# --- Compose ----------------------------------------------------------------------------

compose_path = DEPLOY / "compose.yaml"
where = compose_path.relative_to(ROOT)
docs = load_all(compose_path)
compose = docs[0] if docs else {}
services = compose.get("services") or {}
heards = {n: s for n, s in services.items() if "heard" in str(s.get("image", ""))}
if len(heards) < 2:
    problem(where, "needs two heard instances")
db = [n for n, s in services.items() if str(s.get("image", "")).startswith("postgres")]
if len(db) != 1:
    problem(where, "needs one PostgreSQL service")
proxies = [n for n, s in services.items() if str(s.get("image", "")).split(":")[0] in ("caddy", "nginx")]
if len(proxies) != 1:
    problem(where, "needs one reverse proxy (caddy or nginx)")
for name, svc in services.items():
    test = (svc.get("healthcheck") or {}).get("test")
    if not test:
        problem(where, f"service {name} has no healthcheck")
    for dep, cond in (svc.get("depends_on") or {}).items():
        if dep not in services:
            problem(where, f"service {name} depends on unknown service {dep}")
        if (cond or {}).get("condition") not in ("service_healthy", "service_completed_successfully"):
            problem(where, f"service {name} must wait for {dep} to be healthy")
    for f in svc.get("env_file") or []:
        path = f["path"] if isinstance(f, dict) else f
        if not (DEPLOY / path).exists() and not (DEPLOY / f"{path}.example").exists():
            problem(where, f"service {name}: env file {path} has no {path}.example beside it")
    for volume in svc.get("volumes") or []:
        source = str(volume).split(":")[0]
        if source.startswith(".") and not (DEPLOY / source).exists():
            problem(where, f"service {name} mounts {source}, which does not exist")
for name, svc in heards.items():
    if db and db[0] not in (svc.get("depends_on") or {}):
        problem(where, f"{name} must depend on {db[0]}")
    check_setting_names(f"{where} {name}", svc.get("environment") or {})
    if "heard" not in str((svc.get("healthcheck") or {}).get("test")):
        problem(where, f"{name}'s healthcheck should use `heard healthcheck`")
    for var, value in (svc.get("environment") or {}).items():
        if var in ("HEARD_SECRET", "HEARD_DATABASE_URL", "HEARD_METRICS_TOKEN"):
            problem(where, f"{name}: {var} belongs in the env file, not the compose file")
for proxy in proxies:
    missing = set(heards) - set(services[proxy].get("depends_on") or {})
    if missing:
        problem(where, f"{proxy} must wait for {', '.join(sorted(missing))}")
compose_images = {s.get("image") for s in heards.values()}
if compose_images and k8s_images and compose_images != k8s_images:
    problem("deploy", f"image differs: compose {sorted(compose_images)} vs k8s {sorted(k8s_images)}")

caddyfile = DEPLOY / "Caddyfile"
if caddyfile.exists():
    text = caddyfile.read_text()
    for name in heards:
        if f"{name}:8080" not in text:
            problem("deploy/Caddyfile", f"does not proxy to {name}:8080")
    if "/metrics" not in text:
        problem("deploy/Caddyfile", "must hide /metrics from the public")

env_example = DEPLOY / "heard.env.example"
if env_example.exists():
    names = [line.split("=", 1)[0] for line in env_example.read_text().splitlines() if "=" in line and not line.startswith("#")]
    check_setting_names("deploy/heard.env.example", names)
    for needed in ("HEARD_SECRET", "HEARD_DATABASE_URL"):
        if needed not in names:
            problem("deploy/heard.env.example", f"needs {needed}")

# --- systemd and Dockerfile -------------------------------------------------------------

unit = (DEPLOY / "heard.service").read_text()
check_setting_names("deploy/heard.service", re.findall(r"Environment=(HEARD_[A-Z0-9_]+)=", unit))
for directive in ("NoNewPrivileges=yes", "ProtectSystem=strict", "PrivateTmp=yes", "CapabilityBoundingSet=\n",
                  "SystemCallFilter=@system-service", "EnvironmentFile=", "DynamicUser=yes", "StateDirectory=heard"):
    if directive not in unit:
        problem("deploy/heard.service", f"needs {directive.strip()}")

dockerfile = (DEPLOY / "Dockerfile").read_text()
instructions = [line.split(None, 1) for line in re.sub(r"\\\n", " ", dockerfile).splitlines()
                if line.strip() and not line.lstrip().startswith("#")]
stages = [args for word, *args in instructions if word.upper() == "FROM"]
final = []
for word, *args in instructions:
    if word.upper() == "FROM":
        final = []
    final.append((word.upper(), args[0] if args else ""))
if len(stages) < 2:
    problem("deploy/Dockerfile", "needs a build stage and a runtime stage")
users = [a for w, a in final if w == "USER"]
if not users or users[-1].split(":")[0] in ("root", "0"):
    problem("deploy/Dockerfile", "the runtime stage must run as a non-root USER")
if not any(w == "HEALTHCHECK" for w, _ in final):
    problem("deploy/Dockerfile", "the runtime stage needs a HEALTHCHECK")
if "--locked" not in dockerfile:
    problem("deploy/Dockerfile", "build with cargo build --release --locked")
if any(w in ("ADD",) for w, _ in final):
    problem("deploy/Dockerfile", "use COPY, not ADD")
if not (ROOT / ".dockerignore").exists() or "target" not in (ROOT / ".dockerignore").read_text():
    problem(".dockerignore", "must exist and leave out target/")

for p in problems:
    print(f"  problem: {p}")
if problems:
    sys.exit(1)
print(f"  k8s: {len(objects)} objects; compose: {len(services)} services; image {sorted(k8s_images)[0] if k8s_images else '?'}")
