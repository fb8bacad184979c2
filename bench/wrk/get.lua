-- GET the URL given to wrk (the no-op floor: /healthz).

dofile("report.lua")
