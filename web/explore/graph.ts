/** The drawing: cytoscape.js with the fCoSE force layout, coloured per kind as browser/style.grass colours them. */
import cytoscape, { type Core, type ElementDefinition, type StylesheetJson } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import grassText from '../../browser/style.grass?raw';
import { nodeStyle, parseGrass, relationshipStyle } from './grass';
import { KINDS, RELATION_TYPES } from './enums';

cytoscape.use(fcose);

export const grass = parseGrass(grassText);

const LABEL_FONT = '"Noto Sans CJK SC", "WenQuanYi Zen Hei", "Microsoft YaHei", system-ui, sans-serif';

function stylesheet(): StylesheetJson {
  const sheet: StylesheetJson = [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'font-family': LABEL_FONT,
        'font-size': 11,
        // Labels sit under the node on a white plate: dark text stays readable whatever the fill.
        color: '#1f2328',
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-wrap': 'wrap',
        'text-max-width': '110px',
        'text-overflow-wrap': 'anywhere',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        'border-width': 2,
        'min-zoomed-font-size': 6,
      },
    },
    {
      selector: 'edge',
      style: {
        'curve-style': 'bezier',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
        label: 'data(type)',
        'font-size': 8,
        color: '#1f2328',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'min-zoomed-font-size': 9,
      },
    },
  ];
  for (const kind of KINDS) {
    const s = nodeStyle(grass, kind);
    sheet.push({ selector: `node[kind = "${kind}"]`, style: { 'background-color': s.fill, 'border-color': s.border, width: s.diameter * 0.6, height: s.diameter * 0.6 } });
  }
  for (const type of RELATION_TYPES) {
    const s = relationshipStyle(grass, type);
    sheet.push({ selector: `edge[type = "${type}"]`, style: { 'line-color': s.color, 'target-arrow-color': s.color, width: s.width + 0.5 } });
  }
  sheet.push(
    { selector: 'node.anchor', style: { 'border-width': 4, 'border-color': '#1f2328', 'font-weight': 'bold' } },
    { selector: 'edge.chain', style: { width: 3, 'line-color': '#1f2328', 'target-arrow-color': '#1f2328' } },
    { selector: 'node:selected', style: { 'border-width': 5, 'border-color': '#0b57d0', 'overlay-opacity': 0 } },
    { selector: 'edge:selected', style: { width: 4, 'line-color': '#0b57d0', 'target-arrow-color': '#0b57d0', 'font-size': 10, 'min-zoomed-font-size': 0, 'z-index': 10 } },
    { selector: '.filtered', style: { display: 'none' } },
  );
  return sheet;
}

export function createGraph(container: HTMLElement): Core {
  return cytoscape({ container, style: stylesheet(), minZoom: 0.2, maxZoom: 3, selectionType: 'single', boxSelectionEnabled: false });
}

/**
 * Adds elements and lays the graph out; resolves when the layout has stopped. Marks `explore:data` before and
 * `explore:layout` after, and measures `explore:render` between them (read by the end-to-end test).
 */
export function draw(cy: Core, elements: ElementDefinition[], options: { fresh: boolean }): Promise<number> {
  performance.mark('explore:data');
  cy.batch(() => {
    if (options.fresh) cy.elements().remove();
    cy.add(elements.filter((e) => cy.getElementById(e.data.id!).empty()));
  });
  return new Promise((resolve) => {
    const layout = cy.layout({
      name: 'fcose',
      // An expansion starts from where things were, so the picture does not jump.
      randomize: options.fresh,
      animate: false,
      quality: 'default',
      nodeDimensionsIncludeLabels: true,
      idealEdgeLength: () => 70,
      nodeRepulsion: () => 6000,
      padding: 24,
    } as cytoscape.LayoutOptions);
    layout.one('layoutstop', () => {
      performance.mark('explore:layout');
      const measure = performance.measure('explore:render', 'explore:data', 'explore:layout');
      resolve(measure.duration);
    });
    layout.run();
  });
}
