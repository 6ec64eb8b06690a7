/** A list of files to download (exports, templates): one link each. */
export function DownloadLinks({ links }: { links: { href: string; label: string; testId?: string }[] }) {
  return (
    <ul className="rd-downloads">
      {links.map((l) => (
        <li key={l.href}>
          <a className="utrecht-link utrecht-link--html-a" href={l.href} download data-testid={l.testId}>
            {l.label}
          </a>
        </li>
      ))}
    </ul>
  );
}
