-- OpenCX Actions for Neovim 0.7+ (built-in LSP client, vim.lsp.start_client).
-- Save as ~/.config/nvim/lua/opencx.lua and add to init.lua:  require('opencx').setup()
-- Needs `opencx-language-server` on PATH: in a clone of the repository, npm ci && npm run build && npm link
local M = {}
local clients = {}

-- The workspace: the git root above the file, else the folder of the nearest opencx.config.json, else the file's folder.
local function root_dir(file)
  local dir = vim.fn.fnamemodify(file, ':p:h')
  local git = vim.fn.finddir('.git', dir .. ';')
  if git ~= '' then return vim.fn.fnamemodify(git, ':p:h:h') end
  local config = vim.fn.findfile('opencx.config.json', dir .. ';')
  if config ~= '' then return vim.fn.fnamemodify(config, ':p:h') end
  return dir
end

-- opts.settings: the `opencx` settings, e.g. { opencx = { rules = { ['vague-description'] = 'off' } } }
-- opts.cmd, opts.capabilities, opts.on_attach: passed to vim.lsp.start_client.
function M.setup(opts)
  opts = opts or {}
  local settings = opts.settings or { opencx = { rules = {} } }
  vim.api.nvim_create_autocmd({ 'BufReadPost', 'BufNewFile' }, {
    pattern = { '*.action.json', 'opencx.config.json' },
    callback = function(args)
      local root = root_dir(vim.api.nvim_buf_get_name(args.buf))
      if not (clients[root] and vim.lsp.get_client_by_id(clients[root])) then
        clients[root] = vim.lsp.start_client({
          name = 'opencx',
          cmd = opts.cmd or { 'opencx-language-server', '--stdio' },
          root_dir = root,
          init_options = settings, -- read at start
          settings = settings, -- pushed in workspace/didChangeConfiguration
          capabilities = opts.capabilities,
          on_attach = opts.on_attach,
        })
      end
      if clients[root] then vim.lsp.buf_attach_client(args.buf, clients[root]) end
    end,
  })
end

return M
