// The formatted statement's style sheet, inlined in its <style> element: the page is one file.
// Sized for A4 (210 mm wide; 182 mm of text between 14 mm margins), tables of fixed layout that
// wrap long words instead of overflowing, SVG charts scaled to the text width.

/** The CSS of the HTML statement. @internal */
export const STATEMENT_CSS = [
  '@page{size:A4;margin:14mm}',
  '*{box-sizing:border-box}',
  'html{background:#fff}',
  'body{margin:0;color:#1b1f24;font:10pt/1.45 "Liberation Sans",Arial,Helvetica,sans-serif;-webkit-print-color-adjust:exact;print-color-adjust:exact}',
  'main.statement{width:210mm;max-width:100%;margin:0 auto;padding:14mm}',
  'header{border-bottom:2px solid #1f4e79;margin-bottom:4mm;padding-bottom:2mm}',
  'h1{font-size:16pt;margin:0;color:#1f4e79;overflow-wrap:anywhere}',
  '.sub{margin:1mm 0 0;color:#555;overflow-wrap:anywhere}',
  'h2{font-size:12pt;margin:5mm 0 2mm;color:#1f4e79;border-bottom:1px solid #c8d3de;break-after:avoid}',
  'section{break-inside:auto}',
  'table{width:100%;border-collapse:collapse;table-layout:fixed;margin:0 0 3mm}',
  'caption{text-align:left;font-weight:bold;padding:1mm 0}',
  'th,td{padding:1mm 1.5mm;border-bottom:1px solid #e3e6ea;vertical-align:top;text-align:left;overflow-wrap:anywhere;word-break:break-word}',
  'thead th{background:#eef2f6;font-weight:bold}',
  'table.figures th{font-weight:normal;width:62%}',
  'table.figures td{font-weight:bold}',
  '.num{text-align:right;font-variant-numeric:tabular-nums}',
  'table.lines{font-size:9pt}',
  'table.steps th:first-child,table.steps td:first-child{width:24%}',
  'tr{break-inside:avoid}',
  'figure.chart{margin:2mm 0 4mm;break-inside:avoid}',
  'figure.chart svg{display:block;max-width:100%;height:auto}',
  'figcaption{font-size:9pt;color:#555}',
  'ul{margin:1mm 0 2mm;padding-left:5mm}',
  'li{margin:0.5mm 0;overflow-wrap:anywhere}',
  'section.how{font-size:9pt}',
  'section.warnings li code{font-size:8.5pt;background:#fff4d6;padding:0 1mm}',
  '@media print{main.statement{width:auto;padding:0}}',
].join('');
