#!/usr/bin/env python3
"""The same call as `bkops task status ID` done the short way with requests: get_task_status, printed as a table."""
import json
import os
import sys

import requests

base, task = os.environ["BKOPS_SOPS_URL"], sys.argv[1]
auth = json.dumps({"bk_app_code": os.environ["BK_APP_CODE"], "bk_app_secret": os.environ["BK_APP_SECRET"],
                   "bk_username": os.environ["BK_USERNAME"]})
r = requests.get(f"{base}/get_task_status/{task}/{os.environ['BKOPS_BIZ']}/",
                 params={"scope": "cmdb_biz", "with_ex_data": "true"}, headers={"X-Bkapi-Authorization": auth},
                 timeout=30)
body = r.json()
if not body.get("result"):
    sys.exit(f"error: {body.get('message')}")


def walk(node, depth):
    yield depth, node
    for child in (node.get("children") or {}).values():
        yield from walk(child, depth + 1)


print(f"{'NODE':<50} {'STATE':<10} {'ELAPSED':>8}")
for depth, n in walk(body["data"], 0):
    print(f"{'  ' * depth + (n.get('name') or n['id']):<50} {n.get('state', ''):<10} {n.get('elapsed_time', 0):>8}")
