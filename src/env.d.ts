declare module 'virtual:wiki/site' {
  const data: import('./integration/site-data.ts').SiteData;
  export default data;
}
