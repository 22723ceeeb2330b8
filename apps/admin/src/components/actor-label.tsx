/**
 * An admin as the API labels them ("Dana Okafor <dana@…>"): the name, with the address quieter
 * beside it. Labels that are not "name <address>" (an API key, the operator CLI) show as they are.
 */
export function ActorLabel({ label }: { label: string }) {
  const m = /^(.+) <([^<>]+)>$/.exec(label);
  const text = label.charAt(0).toUpperCase() + label.slice(1);
  if (!m) return <span className="font-medium">{text}</span>;
  return (
    <span>
      <span className="font-medium">{m[1]}</span> <span className="text-slate-500">&lt;{m[2]}&gt;</span>
    </span>
  );
}
