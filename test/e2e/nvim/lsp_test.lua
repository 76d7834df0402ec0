-- Neovim (0.7, no pull diagnostics) as a client of our server over stdio, configured exactly as the
-- README says: it runs docs/neovim.lua (the README shows that file), with `dd-profiler-language-server`
-- on the PATH as an install puts it. Checks pushed diagnostics, completion and hover on a Dockerfile.
-- Run by test/e2e/run.mjs:
--   nvim --headless -u NONE -i NONE -n -c 'luafile test/e2e/nvim/lsp_test.lua'
-- Env: SERVER (bin path), FILE (document), OUT (json result).
local result = {}
local ok, err = pcall(function()
  local root = vim.fn.fnamemodify(vim.env.SERVER, ':p:h:h')
  -- The command the README's configuration runs, as `npm install -g` puts it on the PATH.
  local bin = vim.fn.tempname()
  vim.fn.mkdir(bin, 'p')
  assert(vim.loop.fs_symlink(vim.fn.fnamemodify(vim.env.SERVER, ':p'), bin .. '/dd-profiler-language-server'))
  vim.env.PATH = bin .. ':' .. vim.env.PATH
  dofile(root .. '/docs/neovim.lua')
  vim.cmd('edit ' .. vim.fn.fnameescape(vim.env.FILE))
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].filetype = 'dockerfile' -- fires the FileType autocommand (-u NONE has no detection)
  assert(vim.wait(15000, function() return #vim.diagnostic.get(buf) > 0 end, 20), 'timeout waiting for diagnostics')
  result.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do table.insert(result.diagnostics, { code = d.code, line = d.lnum, message = d.message }) end
  local pos = { line = 3, character = 10 }
  local comp = vim.lsp.buf_request_sync(buf, 'textDocument/completion', { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = pos }, 5000)
  result.completion = {}
  for _, r in pairs(comp or {}) do for _, item in ipairs(r.result or {}) do table.insert(result.completion, item.label) end end
  local hov = vim.lsp.buf_request_sync(buf, 'textDocument/hover', { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = 4, character = 8 } }, 5000)
  for _, r in pairs(hov or {}) do result.hover = r.result and r.result.contents and r.result.contents.value end
end)
result.ok = ok; result.error = (not ok) and tostring(err) or nil
local f = assert(io.open(vim.env.OUT, 'w')); f:write(vim.fn.json_encode(result)); f:close()
for _, c in pairs(vim.lsp.get_active_clients()) do c.stop(true) end
vim.cmd(ok and 'qall!' or 'cquit 1')
