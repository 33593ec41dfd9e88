/** Notes whose person-ness or tags depend on the body, for the people-only read's test. */
export const DEFAULT_FIXTURES = new Map<string, string>([
  ['People/Folder only.md', '# Heading\n\n## Log\n- 2026-11-01 call: fine\n'],
  ['People/Inline tags.md', '---\nemail: a@example.org\n---\nLikes #golf and #reading/fiction.\n## Log\n'],
  ['People/Tag in code.md', '---\ntags: [vip]\n---\n```\n#not-a-tag\n```\n%% #hidden %%\n'],
  ['Notes/Tagged person.md', '---\norganisation: Acme\n---\nMet at the fair. #person #client\n'],
  ['Notes/Person in code.md', '---\norganisation: Acme\n---\n```\n#person\n```\n'],
  ['Notes/Person in comment.md', '<!-- #person -->\nNothing here.\n'],
  ['Notes/Typed.md', '---\ntype: person\naliases: [TP]\nlinkedin: https://www.linkedin.com/in/tp\n---\n#ally\n'],
  ['Notes/Tagged by YAML.md', '---\ntags: [people/friends]\nmet: 2026-01-02\n---\n'],
  ['Notes/Heading only.md', '#person is not a heading\n## person\n'],
  ['Notes/Hash in word.md', 'c#person and issue#12\n'],
  ['Notes/Unclosed.md', '---\ntype: person\n#person\n'],
  ['Notes/Meeting.md', '---\ndate: 2026-11-20\nattendees: ["[[Folder only]]"]\n---\n- [ ] ask [[Typed]] #person\n'],
]);
