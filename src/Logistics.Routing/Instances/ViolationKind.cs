namespace Logistics.Routing.Instances;

/// <summary>What a benchmark solution breaks.</summary>
public enum ViolationKind
{
    /// <summary>A route names a number that is no customer of the instance (the depot included).</summary>
    UnknownCustomer,

    /// <summary>A customer is visited more than once.</summary>
    DuplicateVisit,

    /// <summary>A customer is visited by no route.</summary>
    MissingCustomer,

    /// <summary>A route carries more than the vehicle capacity.</summary>
    CapacityExceeded,

    /// <summary>Service at a customer starts after its due date.</summary>
    LateService,

    /// <summary>A route returns to the depot after the depot's due date.</summary>
    LateReturn,

    /// <summary>More routes than the instance's fleet bound.</summary>
    TooManyRoutes,
}
