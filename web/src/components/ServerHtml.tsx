/**
 * HTML that the server has already sanitised (rendered Markdown of posts and messages). This is the web app's only raw-HTML path: never pass it anything
 * that did not come from those server fields.
 */
export function ServerHtml({
  html,
  className = 'markdown',
  inline = false,
}: {
  html: string;
  className?: string;
  inline?: boolean;
}) {
  const Tag = inline ? 'span' : 'div';
  // dir=auto: a Latin post shows left-to-right inside an Arabic page, and the other way round.
  // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised or escaped by the server, see above
  return <Tag className={className} dir="auto" dangerouslySetInnerHTML={{ __html: html }} />;
}
