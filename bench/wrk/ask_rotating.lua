-- POST /v1/ask rotating over distinct questions: one JSON body per line of the file given after `--`.
-- Each wrk thread walks its own stride of the list, so no body repeats before the list wraps around.

dofile("report.lua")

local next_thread = 0

function setup(thread)
   thread:set("thread_number", next_thread)
   next_thread = next_thread + 1
end

local bodies = {}
local position = 0
local stride = 1

function init(args)
   for line in io.lines(args[1]) do
      if #line > 0 then
         bodies[#bodies + 1] = line
      end
   end
   stride = tonumber(args[2]) or 1
   position = thread_number or 0
   wrk.method = "POST"
   wrk.headers["Content-Type"] = "application/json"
end

function request()
   local body = bodies[position % #bodies + 1]
   position = position + stride
   return wrk.format("POST", "/v1/ask", nil, body)
end
