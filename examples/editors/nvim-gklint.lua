-- gklint in Neovim (0.7 or later, no plugin): findings as diagnostics while you type, the rule's
-- explanation on hover (K, or :lua vim.lsp.buf.hover()), and a quick fix that disables a finding's
-- rule in the .gklint.yaml that applies (<space>ca, or :lua vim.lsp.buf.code_action(); then :w the
-- config). A changed .gklint.yaml is seen at the next lint of a report (an edit, a save, an open).
--
-- Paste into ~/.config/nvim/init.lua, or load it from there: dofile("/path/to/nvim-gklint.lua").
-- `gklint` must be on PATH (or put its full path in `cmd`).
local gklint = {
  cmd = { "gklint", "lsp" },
  -- Which files are reports: every .txt, .md and .html would be linted as one, so narrow this to
  -- your report folders, e.g. { "*/年报/*.txt", "*/reports/*.html" }.
  patterns = { "*.txt", "*.md", "*.html", "*.htm" },
  -- Sent as initializationOptions; leave out what you do not need.
  --   rules: a built-in rule set id ("gov-2021") or a YAML file (relative to the folder Neovim
  --          started in); default: chosen by each report's year
  --   year:  the report year, overriding the one found; lang: "zh" (default) or "en"
  init_options = { lang = "zh" },
}

local client_id = nil
vim.api.nvim_create_autocmd({ "BufReadPost", "BufNewFile" }, {
  pattern = gklint.patterns,
  callback = function(args)
    -- One server for every report buffer; started again if it has exited.
    if not client_id or vim.lsp.client_is_stopped(client_id) then
      client_id = vim.lsp.start_client({
        name = "gklint",
        cmd = gklint.cmd,
        root_dir = vim.fn.getcwd(),
        init_options = gklint.init_options,
        on_attach = function(_, buf)
          vim.keymap.set("n", "K", vim.lsp.buf.hover, { buffer = buf })  -- K is hover from 0.10 on anyway
          vim.keymap.set("n", "<space>ca", vim.lsp.buf.code_action, { buffer = buf })
        end,
      })
    end
    if client_id then vim.lsp.buf_attach_client(args.buf, client_id) end
  end,
})
