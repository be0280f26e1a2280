-- wrk: every request asks for another page of the generated site (PAGES pages: / and /p/1.html … /p/(PAGES-1).html).
local pages = tonumber(os.getenv("PAGES") or "20000")
local counter = 0
request = function()
  counter = counter + 1
  local n = (counter * 7919) % pages
  local path = n == 0 and "/" or ("/p/" .. n .. ".html")
  return wrk.format("GET", path)
end
