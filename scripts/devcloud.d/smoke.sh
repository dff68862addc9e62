#!/usr/bin/env bash
# Smoke test of a running devcloud, with curl only (python3 just parses JSON), every request
# through a Keystone token and every URL taken from the token's catalog.
#   bash scripts/devcloud.d/smoke.sh [light|full]      (also: scripts/devcloud check)
set -uo pipefail
PROFILE=${1:-light}
KS=http://127.0.0.1:5000/v3
ADMIN_PASSWORD=devcloud-admin DEMO_PASSWORD=devcloud-demo
PASS=0 FAIL=0
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
ok()  { PASS=$((PASS + 1)); echo "ok   - $*"; }
bad() { FAIL=$((FAIL + 1)); echo "FAIL - $*"; }
check() { if [ "$2" = "$3" ]; then ok "$1 ($3)"; else bad "$1: expected [$2] got [$3]"; fi; }
j() { python3 -c "import sys, json; d = json.load(sys.stdin); print($1)" 2>/dev/null; }

token() { # USER PASSWORD SCOPE-JSON -> token in $TMP/USER.tok, body in $TMP/USER.json
  local out=$TMP/$4
  curl -s -D "$out.h" -o "$out.json" -H 'Content-Type: application/json' "$KS/auth/tokens" -d "{\"auth\": {
    \"identity\": {\"methods\": [\"password\"], \"password\": {\"user\": {\"name\": \"$1\",
    \"domain\": {\"id\": \"default\"}, \"password\": \"$2\"}}}, \"scope\": $3}}"
  tr -d '\r' < "$out.h" | awk -F': ' 'tolower($1)=="x-subject-token"{print $2}'
}
endpoint() { # TOKEN-NAME SERVICE-TYPE -> public URL from the catalog
  j "[e['url'] for s in d['token']['catalog'] if s['type'] == '$2' for e in s['endpoints'] if e['interface'] == 'public' and e['region_id'] == 'RegionOne'][0]" < "$TMP/$1.json"
}
code() { curl -s -o /dev/null -w '%{http_code}' "$@"; }

# ---------------------------------------------------------------- keystone
DT=$(token demo "$DEMO_PASSWORD" '{"project": {"name": "demo", "domain": {"id": "default"}}}' demo)
AT=$(token admin "$ADMIN_PASSWORD" '{"project": {"name": "admin", "domain": {"id": "default"}}}' admin)
[ -n "$DT" ] && ok "demo project-scoped token" || { bad "demo token"; exit 1; }
[ -n "$AT" ] && ok "admin project-scoped token" || { bad "admin token"; exit 1; }
check "demo roles" "['member', 'reader']" "$(j "sorted(r['name'] for r in d['token']['roles'])" < "$TMP/demo.json")"
check "admin roles include admin" True "$(j "'admin' in [r['name'] for r in d['token']['roles']]" < "$TMP/admin.json")"
[ -n "$(token admin "$ADMIN_PASSWORD" '{"domain": {"id": "default"}}' admindom)" ] && ok "admin domain-scoped token" || bad "admin domain-scoped token"
[ -n "$(token admin "$ADMIN_PASSWORD" '{"system": {"all": true}}' adminsys)" ] && ok "admin system-scoped token" || bad "admin system-scoped token"
WANT="identity image key-manager object-store placement"
[ "$PROFILE" = full ] && WANT="accelerator baremetal block-storage compute container-infra database dns identity image instance-ha key-manager load-balancer messaging network object-store orchestration placement shared-file-system sharev2 volumev3 workflowv2"
check "catalog service types" "$WANT" "$(j "' '.join(sorted(s['type'] for s in d['token']['catalog']))" < "$TMP/demo.json")"
check "every catalog entry has public/internal/admin in RegionOne" True "$(j "all(sorted((e['interface'], e['region_id']) for e in s['endpoints']) == [('admin', 'RegionOne'), ('internal', 'RegionOne'), ('public', 'RegionOne')] for s in d['token']['catalog'])" < "$TMP/demo.json")"
check "keystone GET /v3/auth/projects (demo)" 200 "$(code -H "X-Auth-Token: $DT" "$KS/auth/projects")"
check "keystone GET /v3/users (admin)" 200 "$(code -H "X-Auth-Token: $AT" "$KS/users")"
check "keystone GET /v3/users (demo) is forbidden" 403 "$(code -H "X-Auth-Token: $DT" "$KS/users")"

# ---------------------------------------------------------------- placement
PL=$(endpoint admin placement)
check "placement GET / (no token)" 200 "$(code "$PL/")"
check "placement GET /resource_providers (admin)" 200 "$(code -H "X-Auth-Token: $AT" "$PL/resource_providers")"
check "placement without token" 401 "$(code "$PL/resource_providers")"

# ---------------------------------------------------------------- glance
GL=$(endpoint demo image)
check "glance GET /v2/images (demo)" 200 "$(code -H "X-Auth-Token: $DT" "$GL/v2/images")"
IMG=$(curl -s -H "X-Auth-Token: $DT" -H 'Content-Type: application/json' "$GL/v2/images" \
  -d '{"name": "smoke-image", "disk_format": "raw", "container_format": "bare"}' | j "d['id']")
head -c 100000 /dev/urandom > "$TMP/img"
check "glance upload (demo)" 204 "$(code -X PUT -H "X-Auth-Token: $DT" -H 'Content-Type: application/octet-stream' --data-binary @"$TMP/img" "$GL/v2/images/$IMG/file")"
curl -s -H "X-Auth-Token: $DT" -o "$TMP/img2" "$GL/v2/images/$IMG/file"
cmp -s "$TMP/img" "$TMP/img2" && ok "glance download matches" || bad "glance download differs"
check "glance delete" 204 "$(code -X DELETE -H "X-Auth-Token: $DT" "$GL/v2/images/$IMG")"
check "glance without token" 401 "$(code "$GL/v2/images")"

# ---------------------------------------------------------------- swift
SW=$(endpoint demo object-store)
check "swift account GET (demo)" 204 "$(code -H "X-Auth-Token: $DT" "$SW")"
check "swift container PUT" 201 "$(code -X PUT -H "X-Auth-Token: $DT" "$SW/smoke")"
check "swift object PUT" 201 "$(code -X PUT -H "X-Auth-Token: $DT" --data-binary 'hello devcloud' "$SW/smoke/hello.txt")"
check "swift object GET" "hello devcloud" "$(curl -s -H "X-Auth-Token: $DT" "$SW/smoke/hello.txt")"
check "swift container listing" "hello.txt" "$(curl -s -H "X-Auth-Token: $DT" "$SW/smoke")"
check "swift object DELETE" 204 "$(code -X DELETE -H "X-Auth-Token: $DT" "$SW/smoke/hello.txt")"
check "swift container DELETE" 204 "$(code -X DELETE -H "X-Auth-Token: $DT" "$SW/smoke")"
check "swift without token" 401 "$(code "$SW")"
check "swift /info (anonymous)" 200 "$(code "${SW%%/v1/*}/info")"

# ---------------------------------------------------------------- revocation
RT=$(token demo "$DEMO_PASSWORD" '{"project": {"name": "demo", "domain": {"id": "default"}}}' demo2)
check "revoked token: before revoke" 200 "$(code -H "X-Auth-Token: $RT" "$GL/v2/images")"
check "revoke token" 204 "$(code -X DELETE -H "X-Auth-Token: $AT" -H "X-Subject-Token: $RT" "$KS/auth/tokens")"
check "revoked token refused by glance" 401 "$(code -H "X-Auth-Token: $RT" "$GL/v2/images")"
check "revoked token refused by swift" 401 "$(code -H "X-Auth-Token: $RT" "$SW")"

if [ "$PROFILE" = full ]; then
  # ------------------------------------------------------------ neutron
  NE=$(endpoint demo network)
  check "neutron GET /v2.0/networks (demo)" 200 "$(code -H "X-Auth-Token: $DT" "$NE/v2.0/networks")"
  NET=$(curl -s -H "X-Auth-Token: $DT" -H 'Content-Type: application/json' "$NE/v2.0/networks" \
    -d '{"network": {"name": "smoke-net"}}' | j "d['network']['id']")
  [ -n "$NET" ] && ok "neutron network create (demo) $NET" || bad "neutron network create"
  check "neutron subnet create" 201 "$(code -H "X-Auth-Token: $DT" -H 'Content-Type: application/json' "$NE/v2.0/subnets" \
    -d "{\"subnet\": {\"network_id\": \"$NET\", \"cidr\": \"10.99.0.0/24\", \"ip_version\": 4}}")"
  check "neutron network delete" 204 "$(code -X DELETE -H "X-Auth-Token: $DT" "$NE/v2.0/networks/$NET")"
  check "neutron without token" 401 "$(code "$NE/v2.0/networks")"

  # ------------------------------------------------------------ cinder
  CI=$(endpoint demo block-storage)
  check "volumev3 endpoint = block-storage endpoint" "$CI" "$(endpoint demo volumev3)"
  CH=(-H "X-Auth-Token: $DT" -H 'Content-Type: application/json' -H 'OpenStack-API-Version: volume 3.60')
  vstatus() { curl -s "${CH[@]}" "$CI/volumes/$1" | j "d['volume']['status']"; }
  wait_vol() { local s; for _ in $(seq 1 240); do s=$(vstatus "$1"); [ "$s" = "$2" ] && break; sleep 0.25; done; echo "$s"; }
  VOL=$(curl -s "${CH[@]}" "$CI/volumes" -d '{"volume": {"size": 1, "name": "smoke-vol"}}' | j "d['volume']['id']")
  check "cinder volume create -> available (demo)" available "$(wait_vol "$VOL" available)"
  check "cinder without token" 401 "$(code "$CI/volumes")"

  # ------------------------------------------------------------ nova
  NO=$(endpoint demo compute)
  NH=(-H "X-Auth-Token: $DT" -H 'Content-Type: application/json' -H 'OpenStack-API-Version: compute 2.90')
  check "nova GET /flavors (demo)" 200 "$(code "${NH[@]}" "$NO/flavors")"
  IMAGE=$(curl -s -H "X-Auth-Token: $DT" "$GL/v2/images?name=devcloud-raw" | j "d['images'][0]['id']")
  T0=$(date +%s.%N)
  SRV=$(curl -s "${NH[@]}" "$NO/servers" -d "{\"server\": {\"name\": \"smoke-vm\", \"imageRef\": \"$IMAGE\", \"flavorRef\": \"42\", \"networks\": \"auto\"}}" | tee "$TMP/boot.json" | j "d['server']['id']")
  [ -n "$SRV" ] || echo "     boot answer: $(cat "$TMP/boot.json")"
  sstatus() { curl -s "${NH[@]}" "$NO/servers/$1" | j "d['server']['status']"; }
  wait_srv() { local s; for _ in $(seq 1 480); do s=$(sstatus "$1"); [ "$s" = "$2" ] || [ "$s" = ERROR ] && break; sleep 0.25; done; echo "$s"; }
  check "nova boot -> ACTIVE (demo, image from glance, port on 'private')" ACTIVE "$(wait_srv "$SRV" ACTIVE)"
  echo "     boot took $(python3 -c "import time; print(round(time.time() - $T0, 1))") s"
  check "server has an address on private" True "$(curl -s "${NH[@]}" "$NO/servers/$SRV" | j "'private' in d['server']['addresses']")"
  check "neutron port of the server is ACTIVE" ACTIVE "$(curl -s -H "X-Auth-Token: $DT" "$NE/v2.0/ports?device_id=$SRV" | j "d['ports'][0]['status']")"
  check "nova attach volume" 200 "$(code "${NH[@]}" "$NO/servers/$SRV/os-volume_attachments" -d "{\"volumeAttachment\": {\"volumeId\": \"$VOL\"}}")"
  check "volume in-use after attach" in-use "$(wait_vol "$VOL" in-use)"
  check "nova detach volume (service token to cinder)" 202 "$(code -X DELETE "${NH[@]}" "$NO/servers/$SRV/os-volume_attachments/$VOL")"
  check "volume available after detach" available "$(wait_vol "$VOL" available)"
  check "nova delete server" 204 "$(code -X DELETE "${NH[@]}" "$NO/servers/$SRV")"
  for _ in $(seq 1 240); do [ "$(code "${NH[@]}" "$NO/servers/$SRV")" = 404 ] && break; sleep 0.25; done
  check "server gone" 404 "$(code "${NH[@]}" "$NO/servers/$SRV")"
  check "cinder volume delete" 202 "$(code -X DELETE "${CH[@]}" "$CI/volumes/$VOL")"
  check "nova without token" 401 "$(code "$NO/servers")"

  # ------------------------------------------------------------ octavia, manila, ironic
  LB=$(endpoint demo load-balancer)/v2/lbaas
  LH=(-H "X-Auth-Token: $DT" -H 'Content-Type: application/json')
  LBID=$(curl -s "${LH[@]}" "$LB/loadbalancers" -d '{"loadbalancer": {"name": "smoke-lb", "vip_subnet_id": "'"$(python3 -c 'import uuid; print(uuid.uuid4())')"'"}}' | j "d['loadbalancer']['id']")
  lbstatus() { curl -s "${LH[@]}" "$LB/loadbalancers/$1" | j "d['loadbalancer']['provisioning_status']"; }
  wait_lb() { local s; for _ in $(seq 1 240); do s=$(lbstatus "$1"); [ "$s" = "$2" ] || [ "$s" = ERROR ] && break; sleep 0.25; done; echo "$s"; }
  check "octavia load balancer -> ACTIVE (demo, no-op drivers)" ACTIVE "$(wait_lb "$LBID" ACTIVE)"
  check "octavia cascade delete" 204 "$(code -X DELETE "${LH[@]}" "$LB/loadbalancers/$LBID?cascade=true")"
  check "octavia without token" 401 "$(code "$LB/loadbalancers")"

  MA=$(endpoint demo shared-file-system)
  MH=(-H "X-Auth-Token: $DT" -H 'Content-Type: application/json' -H 'X-OpenStack-Manila-API-Version: 2.95')
  SH=$(curl -s "${MH[@]}" "$MA/shares" -d '{"share": {"share_proto": "NFS", "size": 1, "name": "smoke-share"}}' | j "d['share']['id']")
  shstatus() { curl -s "${MH[@]}" "$MA/shares/$1" | j "d['share']['status']"; }
  wait_sh() { local s; for _ in $(seq 1 240); do s=$(shstatus "$1"); [ "$s" = "$2" ] || [ "$s" = error ] && break; sleep 0.25; done; echo "$s"; }
  check "manila share -> available (demo, dummy driver)" available "$(wait_sh "$SH" available)"
  check "manila share delete" 202 "$(code -X DELETE "${MH[@]}" "$MA/shares/$SH")"
  check "manila without token" 401 "$(code "$MA/shares")"

  ST=$(token admin "$ADMIN_PASSWORD" '{"system": {"all": true}}' adminsys)
  IR=$(endpoint demo baremetal)/v1
  IH=(-H "X-Auth-Token: $ST" -H 'Content-Type: application/json' -H 'X-OpenStack-Ironic-API-Version: 1.90')
  NODE=$(curl -s "${IH[@]}" "$IR/nodes" -d '{"name": "smoke-node", "driver": "fake-hardware"}' | j "d['uuid']")
  ndstate() { curl -s "${IH[@]}" "$IR/nodes/$1" | j "d['provision_state']"; }
  wait_nd() { local s; for _ in $(seq 1 240); do s=$(ndstate "$1"); [ "$s" = "$2" ] && break; sleep 0.25; done; echo "$s"; }
  curl -s -o /dev/null -X PUT "${IH[@]}" "$IR/nodes/$NODE/states/provision" -d '{"target": "manage"}'
  check "ironic node enroll -> manageable (fake-hardware)" manageable "$(wait_nd "$NODE" manageable)"
  curl -s -o /dev/null -X PUT "${IH[@]}" "$IR/nodes/$NODE/states/provision" -d '{"target": "provide"}'
  check "ironic node manageable -> available" available "$(wait_nd "$NODE" available)"
  check "ironic node delete" 204 "$(code -X DELETE "${IH[@]}" "$IR/nodes/$NODE")"
  check "ironic without token" 401 "$(code "$IR/nodes")"

  # ------------------------------------------------------------ zaqar, mistral, masakari, magnum, trove, cyborg
  ZQ=$(endpoint demo messaging)/v2
  ZH=(-H "X-Auth-Token: $DT" -H 'Content-Type: application/json' -H "Client-ID: $(python3 -c 'import uuid; print(uuid.uuid4())')")
  check "zaqar create queue (demo)" 201 "$(code -X PUT "${ZH[@]}" "$ZQ/queues/smoke-queue" -d '{}')"
  check "zaqar post message" 201 "$(code -X POST "${ZH[@]}" "$ZQ/queues/smoke-queue/messages" -d '{"messages": [{"ttl": 300, "body": {"n": 1}}]}')"
  check "zaqar claim the message (redis store)" 1 "$(curl -s -X POST "${ZH[@]}" "$ZQ/queues/smoke-queue/claims" -d '{"ttl": 60, "grace": 60}' | j "len(d['messages'])")"
  check "zaqar delete queue" 204 "$(code -X DELETE "${ZH[@]}" "$ZQ/queues/smoke-queue")"
  check "zaqar without token" 401 "$(code "$ZQ/queues")"

  MI=$(endpoint demo workflowv2)
  WH=(-H "X-Auth-Token: $DT")
  check "mistral create workflow (demo)" 201 "$(code -X POST "${WH[@]}" -H 'Content-Type: text/plain' "$MI/workflows" --data-binary $'---\nversion: "2.0"\nsmoke_wf:\n  tasks:\n    hello:\n      action: std.echo output="hi"\n')"
  EX=$(curl -s -X POST "${WH[@]}" -H 'Content-Type: application/json' "$MI/executions" -d '{"workflow_name": "smoke_wf"}' | j "d['id']")
  exstate() { curl -s "${WH[@]}" "$MI/executions/$1" | j "d['state']"; }
  wait_ex() { local s; for _ in $(seq 1 240); do s=$(exstate "$1"); [ "$s" = SUCCESS ] || [ "$s" = ERROR ] && break; sleep 0.25; done; echo "$s"; }
  check "mistral execution -> SUCCESS (engine + executor)" SUCCESS "$(wait_ex "$EX")"
  check "mistral delete execution" 204 "$(code -X DELETE "${WH[@]}" "$MI/executions/$EX")"
  check "mistral delete workflow" 204 "$(code -X DELETE "${WH[@]}" "$MI/workflows/smoke_wf")"

  HA=$(endpoint admin instance-ha)
  HH=(-H "X-Auth-Token: $AT" -H 'Content-Type: application/json')
  SEG=$(curl -s "${HH[@]}" "$HA/segments" -d '{"segment": {"name": "smoke-segment", "recovery_method": "auto", "service_type": "COMPUTE"}}' | j "d['segment']['uuid']")
  check "masakari add the compute host to a segment (reads nova)" devcloud "$(curl -s "${HH[@]}" "$HA/segments/$SEG/hosts" -d '{"host": {"name": "devcloud", "type": "COMPUTE", "control_attributes": "SSH"}}' | j "d['host']['name']")"
  check "masakari delete segment" 204 "$(code -X DELETE "${HH[@]}" "$HA/segments/$SEG")"
  check "masakari segments (demo) is forbidden" 403 "$(code -H "X-Auth-Token: $DT" "$(endpoint demo instance-ha)/segments")"

  MG=$(endpoint admin container-infra)
  check "magnum conductor up" up "$(curl -s -H "X-Auth-Token: $AT" "$MG/mservices" | j "d['mservices'][0]['state']")"
  check "magnum GET /clustertemplates (demo)" 200 "$(code -H "X-Auth-Token: $DT" "$MG/clustertemplates")"

  TR=$(endpoint demo database)
  TH=(-H "X-Auth-Token: $DT" -H 'Content-Type: application/json')
  check "trove datastores (demo)" mysql "$(curl -s "${TH[@]}" "$TR/datastores" | j "d['datastores'][0]['name']")"
  CFG=$(curl -s "${TH[@]}" "$TR/configurations" -d '{"configuration": {"name": "smoke-cfg", "values": {"connect_timeout": 120}, "datastore": {"type": "mysql", "version": "8.0"}}}' | j "d['configuration']['id']")
  check "trove delete configuration group" 202 "$(code -X DELETE "${TH[@]}" "$TR/configurations/$CFG")"

  CY=$(endpoint admin accelerator)
  devices() { curl -s -H "X-Auth-Token: $AT" "$CY/devices" | j "len(d['devices'])"; }
  for _ in $(seq 1 240); do [ "$(devices)" = 1 ] && break; sleep 0.25; done
  check "cyborg reports the fake driver's device" 1 "$(devices)"
  check "cyborg without token" 401 "$(code "$CY/devices")"
fi

echo "$PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
