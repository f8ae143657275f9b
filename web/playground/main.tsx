/** The GraphQL playground: GraphiQL against /graphql on the page's own origin, with monaco's workers bundled. */
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { TABS } from './examples';
import './playground.css';

// Same origin: the page is served by the API it queries, and the CSP allows no other.
const fetcher = createGraphiQLFetcher({ url: new URL('/graphql', window.location.href).toString() });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <GraphiQL fetcher={fetcher} defaultTabs={TABS} defaultEditorToolsVisibility={false} />
  </StrictMode>,
);
