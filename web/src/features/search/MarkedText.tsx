import type { TextPiece } from '../../../../common/contracts/search.ts';

/**
 * Plain text from search with the matched words in <mark>: React renders every piece as text,
 * so nothing a user wrote can become markup. dir=auto keeps a Latin title readable in an Arabic
 * page and the other way round.
 */
export function MarkedText({ pieces, className }: { pieces: TextPiece[]; className?: string }) {
  return (
    <bdi className={className} dir="auto">
      {pieces.map((piece, i) =>
        piece.mark ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: pieces never reorder
          <mark key={i}>{piece.text}</mark>
        ) : (
          piece.text
        ),
      )}
    </bdi>
  );
}
