-- wrk script: every request goes to another site of the sandbox (Host header from the routes file) and
-- another ordinary page, so the server regenerates sites as a crawl over many hosts makes it do.
-- SANDBOX_HOSTS limits the rotation to the first N hosts (a crawler's working set); unset = every host.
local limit = tonumber(os.getenv("SANDBOX_HOSTS") or "0")
local hosts = {}
for line in io.lines(os.getenv("SANDBOX_ROUTES")) do
  local host = line:match("^([^:]+):80:127%.0%.0%.1:")
  if host and (limit == 0 or #hosts < limit) then hosts[#hosts + 1] = host end
end

local paths = { "/lxwm.html", "/xwzx/zwyw/index.html", "/zwgk/tzgg/index.html", "/robots.txt", "/xwzx/bmdt/index.html" }
local counter = 0

function setup(thread)
  thread:set("offset", math.random(1, #hosts))
end

function request()
  counter = counter + 1
  local host = hosts[((counter + (offset or 0)) % #hosts) + 1]
  local path = paths[(counter % #paths) + 1]
  return wrk.format("GET", path, { ["Host"] = host })
end
