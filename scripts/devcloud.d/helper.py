"""Keystone-side helper for scripts/devcloud (runs in the light venv: needs `requests`).

    helper.py wait-token SECONDS        wait until Keystone hands out an admin token
    helper.py register light|full       users, projects, roles, services, endpoints (idempotent)
    helper.py resources-full            flavors, a public image, public/private networks, router
    helper.py wait-nova SECONDS         nova services up, hypervisor discovered, inventory in placement
    helper.py wait-cinder SECONDS       cinder-scheduler, cinder-volume and cinder-backup up
    helper.py wait-heat SECONDS         a heat engine reports up
    helper.py wait-manila SECONDS       manila's share service reports up
    helper.py token USER                print a project-scoped token (admin or demo)

Everything goes through Keystone tokens; settings come from DEVCLOUD_* environment variables
set by scripts/devcloud.
"""
import json
import os
import sys
import time

import requests

E = os.environ
HOST = "127.0.0.1"
KS = "http://%s:%s" % (HOST, E["DEVCLOUD_KEYSTONE_PORT"])
KS3 = KS + "/v3"
PORTS = {k: E["DEVCLOUD_%s_PORT" % k.upper()] for k in (
    "placement", "glance", "swift", "barbican", "neutron", "cinder", "nova", "designate",
    "heat", "ironic", "octavia", "manila", "zaqar", "mistral", "masakari", "magnum", "trove",
    "cyborg")}
URL = {k: "http://%s:%s" % (HOST, v) for k, v in PORTS.items()}
ADMIN_PW = E["DEVCLOUD_ADMIN_PASSWORD"]
DEMO_PW = E["DEVCLOUD_DEMO_PASSWORD"]
SERVICE_PW = E["DEVCLOUD_SERVICE_PASSWORD"]
REGION = "RegionOne"
TIMEOUT = 60


def die(msg):
    sys.stderr.write("devcloud helper: %s\n" % msg)
    sys.exit(1)


def auth(user, password, project):
    body = {"auth": {"identity": {"methods": ["password"], "password": {"user": {
        "name": user, "domain": {"id": "default"}, "password": password}}},
        "scope": {"project": {"name": project, "domain": {"id": "default"}}}}}
    r = requests.post(KS3 + "/auth/tokens", json=body, timeout=TIMEOUT)
    r.raise_for_status()
    return r.headers["X-Subject-Token"]


def admin_headers():
    return {"X-Auth-Token": auth("admin", ADMIN_PW, "admin")}


def check(r, what):
    if r.status_code >= 400:
        die("%s -> HTTP %s: %s" % (what, r.status_code, r.text[:500]))
    return r


def wait_token(timeout):
    t0 = time.time()
    last = None
    while time.time() - t0 < timeout:
        try:
            auth("admin", ADMIN_PW, "admin")
            return
        except Exception as e:  # noqa: BLE001 - anything means "not yet"
            last = e
            time.sleep(0.25)
    die("Keystone gave no token within %ss (last error: %s)" % (timeout, last))


# ------------------------------------------------------------------ identity / catalog
class Keystone(object):
    def __init__(self):
        self.h = admin_headers()

    def get(self, coll, **q):
        r = check(requests.get("%s/%s" % (KS3, coll), headers=self.h, params=q,
                               timeout=TIMEOUT), "GET /v3/" + coll)
        return r.json()[coll.split("/")[-1]]

    def first(self, coll, **q):
        items = self.get(coll, **q)
        return items[0] if items else None

    def ensure(self, coll, key, body, **q):
        obj = self.first(coll, **q)
        if obj is None:
            r = check(requests.post("%s/%s" % (KS3, coll), headers=self.h, json={key: body},
                                    timeout=TIMEOUT), "POST /v3/" + coll)
            obj = r.json()[key]
        return obj

    def put(self, path):
        check(requests.put(KS3 + path, headers=self.h, timeout=TIMEOUT), "PUT /v3" + path)


# (service user, catalog name, type, public/internal url, admin url, profile)
SERVICES = [
    ("placement", "placement", "placement", URL["placement"], None, "light"),
    ("glance", "glance", "image", URL["glance"], None, "light"),
    ("barbican", "barbican", "key-manager", URL["barbican"], None, "light"),
    ("swift", "swift", "object-store", URL["swift"] + "/v1/AUTH_$(project_id)s", URL["swift"],
     "light"),
    ("neutron", "neutron", "network", URL["neutron"], None, "full"),
    # devstack's registration (before it dropped volumev3): both types, /v3/<project_id>
    ("cinder", "cinder", "block-storage", URL["cinder"] + "/v3/$(project_id)s", None, "full"),
    (None, "cinderv3", "volumev3", URL["cinder"] + "/v3/$(project_id)s", None, "full"),
    ("nova", "nova", "compute", URL["nova"] + "/v2.1", None, "full"),
    ("designate", "designate", "dns", URL["designate"], None, "full"),
    ("heat", "heat", "orchestration", URL["heat"] + "/v1/$(project_id)s", None, "full"),
    ("ironic", "ironic", "baremetal", URL["ironic"], None, "full"),
    ("octavia", "octavia", "load-balancer", URL["octavia"], None, "full"),
    # both types, as devstack registers Manila: /v2/<project_id> answers every microversion
    ("manila", "manila", "shared-file-system", URL["manila"] + "/v2/$(project_id)s", None, "full"),
    (None, "manilav2", "sharev2", URL["manila"] + "/v2/$(project_id)s", None, "full"),
    # the long tail, registered as devstack's plugins register them
    ("zaqar", "zaqar", "messaging", URL["zaqar"], None, "full"),
    ("mistral", "mistral", "workflowv2", URL["mistral"] + "/v2", None, "full"),
    ("masakari", "masakari", "instance-ha", URL["masakari"] + "/v1/$(project_id)s", None, "full"),
    ("magnum", "magnum", "container-infra", URL["magnum"] + "/v1", None, "full"),
    ("trove", "trove", "database", URL["trove"] + "/v1.0/$(project_id)s", None, "full"),
    ("cyborg", "cyborg", "accelerator", URL["cyborg"] + "/v2", None, "full"),
]


def register(profile):
    ks = Keystone()
    roles = {}
    for n in ("admin", "member", "reader", "service"):
        role = ks.first("roles", name=n)
        if role is None:
            role = ks.ensure("roles", "role", {"name": n}, name=n)
        roles[n] = role["id"]
    admin = ks.first("users", name="admin")
    # bootstrap gives admin a project role and a system role, not a domain role
    ks.put("/domains/default/users/%s/roles/%s" % (admin["id"], roles["admin"]))
    service = ks.ensure("projects", "project", {"name": "service", "domain_id": "default",
                        "description": "devcloud service users"}, name="service")
    demo = ks.ensure("projects", "project", {"name": "demo", "domain_id": "default",
                     "description": "devcloud non-admin project"}, name="demo")
    demo_user = ks.ensure("users", "user", {"name": "demo", "domain_id": "default",
                          "password": DEMO_PW, "default_project_id": demo["id"]}, name="demo")
    ks.put("/projects/%s/users/%s/roles/%s" % (demo["id"], demo_user["id"], roles["member"]))
    for user, name, stype, url, admin_url, prof in SERVICES:
        if prof == "full" and profile != "full":
            continue
        if user:
            u = ks.ensure("users", "user", {"name": user, "domain_id": "default",
                          "password": SERVICE_PW}, name=user)
            ks.put("/projects/%s/users/%s/roles/%s" % (service["id"], u["id"], roles["service"]))
            if user in ("nova", "manila", "masakari", "magnum", "trove"):
                # as devstack: nova's user is also admin (port bindings in neutron, other
                # projects' volumes in cinder), and so are manila's (its share networks'
                # ports), masakari's (it reads nova's services and evacuates servers),
                # magnum's (it deletes its clusters' trustees and stacks) and trove's (it
                # lists nova's servers and glance's images for its datastores)
                ks.put("/projects/%s/users/%s/roles/%s" % (service["id"], u["id"],
                                                         roles["admin"]))
        if user == "heat":
            service_domain(ks, roles, "heat", "users that Heat makes for its stacks")
            ks.ensure("roles", "role", {"name": "heat_stack_user"}, name="heat_stack_user")
        if user == "magnum":
            service_domain(ks, roles, "magnum", "trustees that Magnum makes for its clusters")
        s = ks.ensure("services", "service", {"name": name, "type": stype, "enabled": True},
                      type=stype)
        for iface in ("public", "internal", "admin"):
            ks.ensure("endpoints", "endpoint", {
                "service_id": s["id"], "interface": iface, "region_id": REGION,
                "url": admin_url if (iface == "admin" and admin_url) else url},
                service_id=s["id"], interface=iface)


def service_domain(ks, roles, name, description):
    """A domain where a service makes users of its own (Heat for its stacks' resources,
    Magnum for its clusters' trustees), with its admin `<name>_domain_admin`."""
    dom = ks.ensure("domains", "domain", {"name": name, "description": description},
                    name=name)
    admin = name + "_domain_admin"
    adm = ks.ensure("users", "user", {"name": admin, "domain_id": dom["id"],
                    "password": SERVICE_PW}, name=admin, domain_id=dom["id"])
    ks.put("/domains/%s/users/%s/roles/%s" % (dom["id"], adm["id"], roles["admin"]))


def wait_heat(timeout):
    """Until an engine reports up in Heat's service list."""
    ks = Keystone()
    project = ks.first("projects", name="admin")
    url = "%s/v1/%s/services" % (URL["heat"], project["id"])

    def engine_up():
        r = requests.get(url, headers=ks.h, timeout=TIMEOUT)
        if r.status_code != 200:
            return False, "HTTP %s" % r.status_code
        states = [s.get("status") for s in r.json().get("services", [])]
        return "up" in states, states
    _wait("a heat engine up", timeout, engine_up)


# ------------------------------------------------------------------ full-profile resources
FLAVORS = [  # devstack's
    ("42", "m1.nano", 128, 1, 1), ("84", "m1.micro", 256, 1, 1), ("1", "m1.tiny", 512, 1, 1),
    ("2", "m1.small", 2048, 20, 1), ("3", "m1.medium", 4096, 40, 2),
    ("4", "m1.large", 8192, 80, 4), ("5", "m1.xlarge", 16384, 160, 8),
]
IMAGE_NAME = "devcloud-raw"


def resources_full():
    ks = Keystone()
    h = ks.h
    demo = ks.first("projects", name="demo")
    # flavors
    nova = URL["nova"] + "/v2.1"
    have = {f["id"] for f in check(requests.get(nova + "/flavors?is_public=None", headers=h,
                                                timeout=TIMEOUT), "list flavors").json()["flavors"]}
    for fid, name, ram, disk, vcpus in FLAVORS:
        if fid not in have:
            check(requests.post(nova + "/flavors", headers=h, timeout=TIMEOUT, json={"flavor": {
                "id": fid, "name": name, "ram": ram, "disk": disk, "vcpus": vcpus}}),
                "create flavor " + name)
    # a tiny public raw image (the fake virt driver never reads it)
    gl = URL["glance"] + "/v2/images"
    imgs = check(requests.get(gl, headers=h, params={"name": IMAGE_NAME}, timeout=TIMEOUT),
                 "list images").json()["images"]
    if not imgs:
        img = check(requests.post(gl, headers=h, timeout=TIMEOUT, json={
            "name": IMAGE_NAME, "disk_format": "raw", "container_format": "bare",
            "visibility": "public", "min_disk": 0, "min_ram": 0}), "create image").json()
        check(requests.put("%s/%s/file" % (gl, img["id"]), data=b"\0" * 65536, timeout=TIMEOUT,
                           headers=dict(h, **{"Content-Type": "application/octet-stream"})),
              "upload image")
    # networks, as devstack: external "public", demo's "private" + router1
    q = URL["neutron"] + "/v2.0"

    def one(coll, **params):
        r = check(requests.get("%s/%s" % (q, coll), headers=h, params=params, timeout=TIMEOUT),
                  "list " + coll).json()[coll]
        return r[0] if r else None

    def make(coll, key, body, **params):
        obj = one(coll, **params)
        if obj is None:
            obj = check(requests.post("%s/%s" % (q, coll), headers=h, json={key: body},
                                      timeout=TIMEOUT), "create " + key).json()[key]
        return obj

    pub = make("networks", "network", {"name": "public", "router:external": True,
               "provider:network_type": "flat", "provider:physical_network": "public"},
               name="public")
    make("subnets", "subnet", {"network_id": pub["id"], "name": "public-subnet",
         "cidr": "172.24.4.0/24", "ip_version": 4, "gateway_ip": "172.24.4.1",
         "enable_dhcp": False}, name="public-subnet")
    priv = make("networks", "network", {"name": "private", "project_id": demo["id"]},
                name="private", project_id=demo["id"])
    sub = make("subnets", "subnet", {"network_id": priv["id"], "name": "private-subnet",
               "cidr": "10.0.0.0/26", "ip_version": 4, "project_id": demo["id"]},
               name="private-subnet", project_id=demo["id"])
    rtr = one("routers", name="router1", project_id=demo["id"])
    if rtr is None:
        rtr = make("routers", "router", {"name": "router1", "project_id": demo["id"],
                   "external_gateway_info": {"network_id": pub["id"]}},
                   name="router1", project_id=demo["id"])
        check(requests.put("%s/routers/%s/add_router_interface" % (q, rtr["id"]), headers=h,
                           json={"subnet_id": sub["id"]}, timeout=TIMEOUT),
              "add router interface")
    share_types()


def share_types():
    """Manila's default share type (the configuration names it) and share group type, for
    the dummy back end (no share servers)."""
    h = dict(admin_headers(), **{"X-OpenStack-Manila-API-Version": "2.55"})
    admin_proj = Keystone().first("projects", name="admin")["id"]
    m = "%s/v2/%s" % (URL["manila"], admin_proj)
    types = check(requests.get(m + "/types", headers=h, params={"is_public": "all"},
                               timeout=TIMEOUT), "list share types").json()["share_types"]
    st = next((t for t in types if t["name"] == "default"), None)
    if st is None:
        st = check(requests.post(m + "/types", headers=h, timeout=TIMEOUT, json={"share_type": {
            "name": "default", "share_type_access:is_public": True, "extra_specs": {
                "driver_handles_share_servers": False, "snapshot_support": True,
                "create_share_from_snapshot_support": True, "revert_to_snapshot_support": True,
                "mount_snapshot_support": True}}}), "create share type").json()["share_type"]
    gtypes = check(requests.get(m + "/share-group-types", headers=h, params={"is_public": "all"},
                                timeout=TIMEOUT), "list share group types").json()
    if not any(g["name"] == "default" for g in gtypes["share_group_types"]):
        check(requests.post(m + "/share-group-types", headers=h, timeout=TIMEOUT, json={
            "share_group_type": {"name": "default", "share_types": [st["id"]],
                                 "is_public": True}}), "create share group type")


def _wait(what, timeout, probe):
    t0 = time.time()
    last = None
    while time.time() - t0 < timeout:
        try:
            ok, last = probe()
            if ok:
                return
        except Exception as e:  # noqa: BLE001
            last = repr(e)
        time.sleep(0.5)
    die("%s not ready within %ss (last: %s)" % (what, timeout, last))


def wait_nova(timeout):
    h = dict(admin_headers(), **{"OpenStack-API-Version": "compute 2.90"})
    nova = URL["nova"] + "/v2.1"

    def services():
        s = requests.get(nova + "/os-services", headers=h, timeout=TIMEOUT).json()["services"]
        up = sorted(x["binary"] for x in s if x["state"] == "up")
        return len(up) >= 3, "services up: %s" % up
    _wait("nova conductor/scheduler/compute", timeout, services)


def wait_nova_inventory(timeout):
    h = admin_headers()
    nova = URL["nova"] + "/v2.1"

    def hyper():
        s = requests.get(nova + "/os-hypervisors", headers=h, timeout=TIMEOUT).json()
        return len(s.get("hypervisors", [])) >= 1, "hypervisors: %s" % s
    _wait("nova hypervisor discovery", timeout, hyper)
    ph = dict(h, **{"OpenStack-API-Version": "placement 1.39"})

    def inventory():
        r = requests.get(URL["placement"] + "/resource_providers", headers=ph, timeout=TIMEOUT,
                         params={"resources": "VCPU:1,MEMORY_MB:128,DISK_GB:1"}).json()
        return len(r.get("resource_providers", [])) >= 1, "providers: %s" % r
    _wait("compute inventory in placement", timeout, inventory)


def wait_cinder(timeout):
    h = admin_headers()
    admin_proj = Keystone().first("projects", name="admin")["id"]
    url = "%s/v3/%s/os-services" % (URL["cinder"], admin_proj)

    def services():
        s = requests.get(url, headers=h, timeout=TIMEOUT).json()["services"]
        up = sorted(x["binary"] for x in s if x["state"] == "up")
        want = {"cinder-scheduler", "cinder-volume", "cinder-backup"}
        return want <= set(up), "services up: %s" % up
    _wait("cinder scheduler/volume/backup", timeout, services)


def wait_manila(timeout):
    """Until the share service reports up (and with it the dummy back end's pool)."""
    h = dict(admin_headers(), **{"X-OpenStack-Manila-API-Version": "2.55"})
    admin_proj = Keystone().first("projects", name="admin")["id"]
    url = "%s/v2/%s/services" % (URL["manila"], admin_proj)

    def services():
        s = requests.get(url, headers=h, timeout=TIMEOUT).json()["services"]
        up = sorted(x["binary"] for x in s if x["state"] == "up")
        return {"manila-scheduler", "manila-share"} <= set(up), "services up: %s" % up
    _wait("manila scheduler/share", timeout, services)


def main():
    cmd = sys.argv[1]
    if cmd == "wait-token":
        wait_token(float(sys.argv[2]))
    elif cmd == "register":
        register(sys.argv[2])
    elif cmd == "resources-full":
        resources_full()
    elif cmd == "wait-nova":
        wait_nova(float(sys.argv[2]))
    elif cmd == "wait-nova-inventory":
        wait_nova_inventory(float(sys.argv[2]))
    elif cmd == "wait-cinder":
        wait_cinder(float(sys.argv[2]))
    elif cmd == "wait-heat":
        wait_heat(float(sys.argv[2]))
    elif cmd == "wait-manila":
        wait_manila(float(sys.argv[2]))
    elif cmd == "token":
        user = sys.argv[2]
        print(auth(user, ADMIN_PW if user == "admin" else DEMO_PW, user))
    else:
        die("unknown command %s" % cmd)


if __name__ == "__main__":
    try:
        main()
    except requests.RequestException as e:
        die("request failed: %s" % e)
    except (KeyError, ValueError, json.JSONDecodeError) as e:
        die("unexpected answer: %r" % e)
