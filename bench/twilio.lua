-- wrk script: sends each pre-signed Twilio webhook of a file once.
--   wrk -t T ... -s bench/twilio.lua URL -- FILE T
-- Thread k of T takes lines k, k+T, k+2T, ... so no two requests carry the same message id.
-- A thread that runs out starts its lines again (then they are retries); bench/run.sh makes
-- the file long enough that this does not happen, and checks it.

local counter = 0
local threads = {}

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  local path, nthreads = args[1], tonumber(args[2])
  requests = {}
  wrapped = 0
  local i = 0
  for line in io.lines(path) do
    if i % nthreads == id then
      local signature, body = line:match("^([^\t]+)\t(.*)$")
      requests[#requests + 1] = wrk.format("POST", "/webhooks/sms/twilio", {
        ["Content-Type"] = "application/x-www-form-urlencoded",
        ["X-Twilio-Signature"] = signature,
      }, body)
    end
    i = i + 1
  end
  nxt = 1
end

function request()
  local r = requests[nxt]
  if r == nil then
    wrapped = 1
    nxt = 1
    r = requests[1]
  end
  nxt = nxt + 1
  return r
end

function done(summary, latency, requests)
  local wrapped_any = 0
  for _, thread in ipairs(threads) do
    wrapped_any = math.max(wrapped_any, thread:get("wrapped"))
  end
  io.write(string.format("lua: wrapped=%d\n", wrapped_any))
end
