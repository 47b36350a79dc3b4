-- Headless Neovim as an independent LSP client (Neovim 0.7+ built-in vim.lsp).
-- Env: LSP_SERVER (path of dist/server.js), LSP_FILE (file to open), LSP_ROOT (workspace folder),
-- LSP_REQUESTS (JSON list of {method, line, character, [newName]}). Prints one JSON object per line.
local server, file = os.getenv('LSP_SERVER'), vim.fn.fnamemodify(os.getenv('LSP_FILE'), ':p')
local root = os.getenv('LSP_ROOT') or vim.fn.fnamemodify(file, ':h')
local requests = vim.fn.json_decode(os.getenv('LSP_REQUESTS') or '[]')
local published = {}
local function emit(t) io.stdout:write(vim.fn.json_encode(t) .. '\n') end
local function fail(msg) emit({ fail = msg }); vim.cmd('cquit 1') end

local id = vim.lsp.start_client({
  name = 'fargate-lens', cmd = { server, '--stdio' }, root_dir = root, -- the package's fargate-lens-language-server bin
  handlers = { ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
    table.insert(published, result)
    return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config) end },
})
if not id then fail('start_client returned nil') end
vim.cmd('edit ' .. vim.fn.fnameescape(file)); vim.bo.filetype = 'json'
vim.lsp.buf_attach_client(0, id)
-- LSP_EXPECT (optional): a rule id to wait for, as a diagnostic's code or as a rule folded into another
-- diagnostic on the same token (its related information starts with the id). Cross-file findings arrive
-- in a later publish, once the server has indexed the workspace and re-validated the open files.
local expect = os.getenv('LSP_EXPECT')
local function has_codes()
  local last = published[#published]
  if not last or #last.diagnostics == 0 then return false end
  if not expect or expect == '' then return true end
  for _, d in ipairs(last.diagnostics) do
    if d.code == expect then return true end
    for _, r in ipairs(d.relatedInformation or {}) do
      if vim.startswith(r.message, expect .. ' ') then return true end
    end
  end
  return false
end
if not vim.wait(15000, has_codes, 20) then fail('no diagnostics after didOpen') end
local last = published[#published]
local codes = {}
for _, d in ipairs(last.diagnostics) do
  local related = {}
  for _, r in ipairs(d.relatedInformation or {}) do table.insert(related, r.message) end
  table.insert(codes, { code = d.code, line = d.range.start.line, severity = d.severity, source = d.source, related = related })
end
emit({ diagnostics = codes })

local uri = vim.uri_from_fname(file)
for _, r in ipairs(requests) do
  local params = { textDocument = { uri = uri }, position = { line = r.line, character = r.character } }
  if r.newName then params.newName = r.newName end
  if r.method == 'textDocument/codeAction' then
    params = { textDocument = { uri = uri }, range = { start = params.position, ['end'] = params.position },
      context = { diagnostics = last.diagnostics } }
  end
  if r.method == 'textDocument/documentSymbol' then params = { textDocument = { uri = uri } } end
  local res = vim.lsp.buf_request_sync(0, r.method, params, 5000)
  local result = res and res[id] and res[id].result
  emit({ method = r.method, result = result == nil and vim.NIL or result })
end
vim.lsp.stop_client(id)
vim.wait(3000, function() return vim.lsp.get_client_by_id(id) == nil end, 20)
vim.cmd('qa!')
