-- dd-profiler-config in Neovim 0.7 or later: one language server client, attached to every buffer
-- whose file type it checks. Put this in init.lua (or `luafile` it).
local client_id
vim.api.nvim_create_autocmd('FileType', {
  pattern = { 'dockerfile', 'sh', 'bash', 'zsh', 'yaml', 'ruby', 'xml', 'dosini', 'dosbatch', 'ps1', 'php' },
  callback = function(args)
    if not (client_id and vim.lsp.get_client_by_id(client_id)) then
      client_id = vim.lsp.start_client({
        name = 'dd-profiler-config',
        cmd = { 'dd-profiler-language-server', '--stdio' },
        root_dir = vim.fn.getcwd(),
        settings = { ddProfilerConfig = { runtime = 'auto' } },
      })
    end
    -- start_client only starts the server: each buffer must be attached, or it is never checked.
    vim.lsp.buf_attach_client(args.buf, client_id)
  end,
})
