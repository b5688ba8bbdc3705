// Prettier settings matching the code as written; the formatter is run over the tree once all branches have landed.
export default {
  printWidth: 160,
  singleQuote: true,
  trailingComma: 'all',
};
