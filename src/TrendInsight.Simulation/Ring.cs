namespace TrendInsight.Simulation;

/// <summary>A fixed-size ring of the most recent items: keeps memory flat however long the run.</summary>
internal sealed class Ring<T>
{
    private readonly T[] _items;
    private int _next;

    public Ring(int capacity)
    {
        _items = new T[capacity];
    }

    public int Count { get; private set; }

    public void Add(T item)
    {
        _items[_next] = item;
        _next = (_next + 1) % _items.Length;
        Count = Math.Min(Count + 1, _items.Length);
    }

    public T Pick(Prng rng) => _items[rng.Next(Count)];
}
