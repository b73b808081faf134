declare module 'virtual:wiki/site' {
  const data: import('./integration/site-data.ts').SiteData;
  export default data;
}

declare module 'virtual:wiki/location' {
  const location: import('./lib/location.ts').WikiLocation;
  export default location;
}
