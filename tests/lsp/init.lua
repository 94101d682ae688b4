-- End-to-end test of `gklint lsp` with a real client: Neovim's built-in LSP client (0.7 API:
-- vim.lsp.start_client + vim.lsp.buf_attach_client, which later versions keep), run headless:
--
--   GKLINT=build/gklint GKLINT_LSP_OUT=out.json nvim --headless --clean -u tests/lsp/init.lua REPORT.txt
--
-- It opens the report, waits for gklint's diagnostics, hovers over the first one, fixes the
-- year typo on line 1 with gklint's quick fix (a didChange), waits for the new diagnostics, applies the code action that
-- disables the first finding's rule and waits for the diagnostics without it, stops the server
-- (shutdown + exit) and writes everything to GKLINT_LSP_OUT as JSON for tests/lsp/neovim_test.sh
-- to compare with `gklint --format json`. Every wait is bounded, and any error still writes the
-- file (with "error") and quits, so the test cannot hang.
local gklint = os.getenv("GKLINT")
local out_path = os.getenv("GKLINT_LSP_OUT")
local result = { publishes = {} }

local function finish()
  local f = assert(io.open(out_path, "w"))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd("qa!")
end

-- What Neovim shows: 0-based line, 0-based byte column (converted back from UTF-16 by Neovim).
local function shown(buf)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(out, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      code = d.code, message = d.message, severity = d.severity, source = d.source,
    })
  end
  table.sort(out, function(a, b)
    if a.lnum ~= b.lnum then return a.lnum < b.lnum end
    if a.col ~= b.col then return a.col < b.col end
    return a.code < b.code
  end)
  return out
end

local function run()
  local buf = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = "gklint",
    cmd = { gklint, "lsp" },
    root_dir = vim.fn.getcwd(),
    handlers = {
      -- The raw LSP message, then Neovim's own handling of it.
      ["textDocument/publishDiagnostics"] = function(err, params, ctx, config)
        table.insert(result.publishes, params)
        return vim.lsp.handlers["textDocument/publishDiagnostics"](err, params, ctx, config)
      end,
    },
    on_exit = function(code, signal)
      result.exit_code = code
      result.exit_signal = signal
    end,
  })
  assert(client_id, "the client did not start")
  vim.lsp.buf_attach_client(buf, client_id)

  assert(vim.wait(20000, function() return #result.publishes >= 1 end, 20), "no diagnostics after didOpen")
  result.opened = shown(buf)

  -- Hover where the first finding starts (the raw LSP position: UTF-16 units).
  local first = result.publishes[1].diagnostics[1]
  local responses = vim.lsp.buf_request_sync(buf, "textDocument/hover", {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    position = first.range.start,
  }, 10000)
  local hover = responses and responses[client_id] and responses[client_id].result
  result.hover = hover and hover.contents and hover.contents.value or vim.NIL

  -- The first code action the server offers for a diagnostic whose edit has `kind` (changes: an
  -- edit of the report; documentChanges: a new .gklint.yaml).
  local function first_action(diagnostic, kind)
    local actions = vim.lsp.buf_request_sync(buf, "textDocument/codeAction", {
      textDocument = { uri = vim.uri_from_bufnr(buf) },
      range = diagnostic.range,
      context = { diagnostics = { diagnostic } },
    }, 10000)
    for _, a in ipairs(actions and actions[client_id] and actions[client_id].result or {}) do
      if a.edit and a.edit[kind] then return a end
    end
  end

  -- Fix the year typo "20120" on line 1 with gklint's quick fix, applied as Neovim applies it (an
  -- edit of the buffer, sent as a didChange, debounced by the server).
  local typo
  for _, d in ipairs(result.publishes[1].diagnostics) do
    if d.code == "year.typo" then typo = d end
  end
  assert(typo, "no year.typo finding")
  local fix = first_action(typo, "changes")
  assert(fix, "no quick fix for the year typo")
  result.fix_title = fix.title
  vim.lsp.util.apply_workspace_edit(fix.edit, "utf-16")
  assert(vim.wait(20000, function() return #result.publishes >= 2 end, 20), "no diagnostics after the quick fix")
  result.changed = shown(buf)

  -- A code action on the first finding left: "disable this rule", applied as Neovim applies it (here,
  -- with no .gklint.yaml, a new one beside the report), saved, and reported as a file watcher would
  -- (Neovim 0.7 has none); the server lints again without the rule.
  local last = result.publishes[#result.publishes]
  local target = last.diagnostics[1]
  result.action_rule = target.code
  local action = first_action(target, "documentChanges")
  assert(action, "no code action that disables the rule")
  result.action_title = action.title
  result.action_kind = action.kind
  local published = #result.publishes
  vim.lsp.util.apply_workspace_edit(action.edit, "utf-16")
  local config_uri = action.edit.documentChanges[1].uri
  local config_buf = vim.uri_to_bufnr(config_uri)
  vim.api.nvim_buf_call(config_buf, function() vim.cmd("silent write") end)
  vim.lsp.get_client_by_id(client_id).notify("workspace/didChangeWatchedFiles",
    { changes = { { uri = config_uri, type = 1 } } })
  assert(vim.wait(20000, function() return #result.publishes > published end, 20),
    "no diagnostics after the config changed")
  result.after_action = shown(buf)

  vim.lsp.stop_client(client_id)  -- shutdown, then exit
  assert(vim.wait(20000, function() return result.exit_code ~= nil end, 20), "the server did not exit")
end

vim.api.nvim_create_autocmd("VimEnter", {
  once = true,
  callback = function()
    local ok, err = pcall(run)
    if not ok then result.error = tostring(err) end
    finish()
  end,
})
