-- Drives the OpenCX language server from a headless Neovim 0.7 with the README's configuration
-- (editors/neovim/opencx.lua), as a user would: open files, ask for hovers, completion, definitions and code
-- actions, apply a fix, push settings, change a file on disk. Writes one result per scenario to a JSON file that
-- test/neovim/neovim.test.ts asserts on. Run by that test with:
--   nvim --headless -u NONE -c 'luafile test/neovim/scenarios.lua'
-- Environment: OPENCX_NVIM_LUA_DIR (the folder of opencx.lua), OPENCX_NVIM_WORKSPACE (a copy of test/fixtures/neovim),
-- OPENCX_NVIM_RESULTS (where to write the results).
local WAIT_MS = 15000
local workspace = os.getenv('OPENCX_NVIM_WORKSPACE')
local results = {}
local messages = {}

-- Headless: nothing may wait for a person.
vim.ui.select = function(items, _, on_choice) on_choice(items[1], 1) end
vim.ui.input = function(_, on_confirm) on_confirm(nil) end
vim.lsp.set_log_level('debug')
local show_message = vim.lsp.handlers['window/showMessage']
vim.lsp.handlers['window/showMessage'] = function(err, result, ctx, config)
  table.insert(messages, result.message)
  return show_message(err, result, ctx, config)
end

local function check(condition, detail)
  if not condition then error(detail, 2) end
end

local function scenario(name, fn)
  local ok, detail = pcall(fn)
  results[name] = { ok = ok, detail = ok and (detail or '') or tostring(detail) }
end

local function open(relative)
  vim.cmd('edit ' .. vim.fn.fnameescape(workspace .. '/' .. relative))
  local buf = vim.api.nvim_get_current_buf()
  check(vim.wait(WAIT_MS, function() return #vim.lsp.buf_get_clients(buf) > 0 end, 20), 'no client attached to ' .. relative)
  return buf
end

-- The 0-based position of `needle` (plus `delta` bytes) in the buffer; the fixtures are ASCII, so bytes are UTF-16 units.
local function position_of(buf, needle, delta)
  for line, text in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    local column = string.find(text, needle, 1, true)
    if column then return { line = line - 1, character = column - 1 + (delta or 0) } end
  end
  error('not in buffer: ' .. needle)
end

local function request(buf, method, params)
  local answers, err = vim.lsp.buf_request_sync(buf, method, params, WAIT_MS)
  check(answers, method .. ' failed: ' .. tostring(err))
  for _, answer in pairs(answers) do
    check(not answer.error, method .. ' error: ' .. vim.inspect(answer.error))
    return answer.result
  end
end

local function at(buf, needle, delta)
  return { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = position_of(buf, needle, delta) }
end

local function codes(buf)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do found[#found + 1] = tostring(d.code) end
  return table.concat(found, ',')
end

local function wait_for(buf, predicate, what)
  check(vim.wait(WAIT_MS, function() return predicate(vim.diagnostic.get(buf)) end, 20), what .. '; codes now: ' .. codes(buf))
end

local function has_code(code)
  return function(diagnostics)
    for _, d in ipairs(diagnostics) do if d.code == code then return true end end
    return false
  end
end

local function lacks_code(code)
  local has = has_code(code)
  return function(diagnostics) return not has(diagnostics) end
end

-- As the README says: the file on the Lua path, then require('opencx').setup().
package.path = os.getenv('OPENCX_NVIM_LUA_DIR') .. '/?.lua;' .. package.path
require('opencx').setup()

local refund, broken
scenario('diagnostics', function()
  broken = open('actions/broken.action.json')
  wait_for(broken, function(d) return #d > 0 end, 'no diagnostics for broken.action.json')
  local d = vim.diagnostic.get(broken)[1]
  local line = vim.api.nvim_buf_get_lines(broken, d.lnum, d.lnum + 1, false)[1]
  local under = string.sub(line, d.col + 1, d.end_col)
  check(under == '"FETCH"', 'range covers ' .. under)
  check(d.message:find('method must be one of GET, POST, PUT, PATCH, DELETE', 1, true), d.message)
  check(d.source == 'opencx', 'source ' .. tostring(d.source))
  return d.message
end)

scenario('hover', function()
  refund = open('actions/refund-order.action.json')
  wait_for(refund, has_code('path-parameter-mismatch'), 'refund-order.action.json not checked')
  local hover = request(refund, 'textDocument/hover', at(refund, '"vip"]', 2))
  check(hover and hover.contents and hover.contents.kind == 'markdown', 'hover: ' .. vim.inspect(hover))
  check(hover.contents.value:find('**Segment `vip`**', 1, true), hover.contents.value)
  check(hover.contents.value:find('`jane-vip` sees it', 1, true), hover.contents.value)
  return hover.contents.value
end)

scenario('completion with documentation', function()
  local buf = vim.api.nvim_create_buf(true, false)
  vim.api.nvim_buf_set_name(buf, workspace .. '/actions/new.action.json')
  vim.api.nvim_set_current_buf(buf)
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, { '{', '  "method": "GET",', '  ', '}' })
  vim.cmd('doautocmd BufNewFile')
  check(vim.wait(WAIT_MS, function() return #vim.lsp.buf_get_clients(buf) > 0 end, 20), 'no client for a new buffer')
  local result = request(buf, 'textDocument/completion', { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = 2, character = 2 } })
  local items = result.items or result
  local description
  for _, item in ipairs(items) do
    if item.label == 'description' then description = item end
    check(item.insertTextFormat ~= 2, 'a snippet offered to a client without snippet support: ' .. item.label)
  end
  check(description, 'no "description" item')
  local doc = description.documentation
  local text = type(doc) == 'table' and doc.value or doc
  check(type(text) == 'string' and text:find('This is *prompt text*', 1, true), 'documentation: ' .. vim.inspect(doc))
  return text
end)

scenario('definition', function()
  local result = request(refund, 'textDocument/definition', at(refund, '"X-Shop"', 2))
  check(result and #result == 1, 'definition: ' .. vim.inspect(result))
  local target = result[1].targetUri or result[1].uri
  local range = result[1].targetSelectionRange or result[1].range
  check(target == vim.uri_from_fname(workspace .. '/opencx.config.json'), 'target ' .. tostring(target))
  vim.lsp.util.jump_to_location(result[1], 'utf-16')
  local line = vim.api.nvim_get_current_line()
  check(line:find('"X-Shop": "acme"', 1, true), 'jumped to: ' .. line)
  -- Closed again (didClose), so that the disk is the truth for the config in 'file changed on disk'.
  local config = vim.api.nvim_get_current_buf()
  vim.cmd('buffer ' .. refund)
  vim.cmd('bwipeout ' .. config)
  return string.format('%s:%d', target, range.start.line + 1)
end)

-- What Neovim does with a chosen code action: apply its edit, then run its command on the server.
local function apply_code_action(buf, code)
  local diagnostic
  for _, d in ipairs(vim.diagnostic.get(buf)) do if d.code == code then diagnostic = d end end
  check(diagnostic, 'no ' .. code .. ' finding')
  local range = { start = { line = diagnostic.lnum, character = diagnostic.col }, ['end'] = { line = diagnostic.end_lnum, character = diagnostic.end_col } }
  local actions = request(buf, 'textDocument/codeAction', { textDocument = { uri = vim.uri_from_bufnr(buf) }, range = range, context = { diagnostics = { diagnostic.user_data and diagnostic.user_data.lsp or {} } } })
  check(actions and #actions > 0, 'no code action for ' .. code)
  local action = actions[1]
  check(action.edit, 'the action carries no edit: ' .. vim.inspect(action))
  local client = vim.lsp.buf_get_clients(buf)[next(vim.lsp.buf_get_clients(buf))]
  vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
  if action.command then
    local answers = vim.lsp.buf_request_sync(buf, 'workspace/executeCommand', { command = action.command.command, arguments = action.command.arguments }, WAIT_MS)
    for _, answer in pairs(answers or {}) do check(not answer.error, 'command failed: ' .. vim.inspect(answer.error)) end
  end
  return action.title
end

scenario('quick fix applied', function()
  local title = apply_code_action(refund, 'path-parameter-mismatch')
  wait_for(refund, lacks_code('path-parameter-mismatch'), 'the finding stayed after the fix')
  local text = table.concat(vim.api.nvim_buf_get_lines(refund, 0, -1, false), '\n')
  check(text:find('"in": "path"', 1, true), 'no path parameter added')
  return title
end)

scenario('credential moved into a secret', function()
  local title = apply_code_action(refund, 'credential-in-file')
  wait_for(refund, lacks_code('credential-in-file'), 'the credential finding stayed')
  local text = table.concat(vim.api.nvim_buf_get_lines(refund, 0, -1, false), '\n')
  check(text:find('"X-Api-Key": "${secret:X_API_KEY}"', 1, true), 'not replaced: ' .. text)
  check(vim.wait(WAIT_MS, function()
    for _, m in ipairs(messages) do if m:find('OPENCX_SECRET_X_API_KEY', 1, true) then return true end end
    return false
  end, 20), 'no message naming OPENCX_SECRET_X_API_KEY: ' .. vim.inspect(messages))
  return title
end)

scenario('pushed settings', function()
  wait_for(refund, has_code('no-channel'), 'no no-channel finding to start with')
  local client = vim.lsp.buf_get_clients(refund)[next(vim.lsp.buf_get_clients(refund))]
  client.config.settings = { opencx = { rules = { ['no-channel'] = 'off' } } }
  client.notify('workspace/didChangeConfiguration', { settings = client.config.settings })
  wait_for(refund, lacks_code('no-channel'), 'no-channel still reported after the settings change')
  return 'no-channel off'
end)

scenario('file changed on disk', function()
  -- The config, not open in any window, loses the segment "vip": the open action's segment becomes unknown.
  local path = workspace .. '/opencx.config.json'
  local lines = vim.fn.readfile(path)
  for i, line in ipairs(lines) do lines[i] = line:gsub('%["customers", "vip"%]', '["customers"]') end
  vim.fn.writefile(lines, path)
  wait_for(refund, has_code('unknown-segment'), 'the change on disk was not seen')
  -- A new file written by another program is checked too.
  local created = workspace .. '/actions/from-git.action.json'
  vim.fn.writefile({ '{ "name": "Pulled", "method": "GET" }' }, created)
  local buf = vim.uri_to_bufnr(vim.uri_from_fname(created))
  wait_for(buf, function(d) return #d > 0 end, 'no diagnostics for a file created on disk')
  return codes(buf)
end)

scenario('server commands advertised', function()
  local client = vim.lsp.buf_get_clients(refund)[next(vim.lsp.buf_get_clients(refund))]
  local commands = client.server_capabilities.executeCommandProvider and client.server_capabilities.executeCommandProvider.commands or {}
  check(#commands > 0, 'no executeCommandProvider')
  results.server_pid = client.rpc.pid
  return table.concat(commands, ',')
end)

results.log_path = vim.lsp.get_log_path()
vim.fn.writefile({ vim.fn.json_encode(results) }, os.getenv('OPENCX_NVIM_RESULTS'))
vim.cmd('qa!')
