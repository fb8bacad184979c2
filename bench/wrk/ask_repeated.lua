-- POST /v1/ask with one question, again and again (served from the answer cache after the first).

dofile("report.lua")

wrk.method = "POST"
wrk.path = "/v1/ask"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"question": "does split compose share the kernel?", "top_k": 3}'
